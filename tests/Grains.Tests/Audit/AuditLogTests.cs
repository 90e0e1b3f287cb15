using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Storage.InMemory;

namespace PolicingHub.Grains.Tests.Audit;

public sealed class AuditLogTests
{
    private const string Stream = "audit/hub";
    private static readonly string Genesis = new('0', 64);

    [Fact]
    public async Task Appending_numbers_entries_from_one_and_chains_each_hash_to_the_previous()
    {
        await using var silo = await DomainSilo.StartAsync();

        var sequences = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            sequences.Add(await silo.Audit.Append(Entry(silo, "agreement.draft", $"agreement/MOU-{i:000}")));
        }

        Assert.Equal([1L, 2L, 3L], sequences);
        var events = await silo.Events(Stream);
        Assert.Equal(["audit.recorded", "audit.recorded", "audit.recorded"], events.Select(e => e.Type));
        var previous = Genesis;
        foreach (var e in events)
        {
            var sequence = e.Data.GetProperty("sequence").GetInt64();
            var entryJson = e.Data.GetProperty("entry").GetRawText();
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}\n{sequence}\n{entryJson}")));
            Assert.Equal(previous, e.Data.GetProperty("previousHash").GetString());
            Assert.Equal(expected, e.Data.GetProperty("hash").GetString());
            previous = expected;
        }
        Assert.Equal(new AuditVerification(true, 3, null, null), await silo.Audit.Verify());
    }

    [Fact]
    public async Task The_hashed_entry_is_the_runtime_json_of_the_entry_with_enums_as_strings()
    {
        await using var silo = await DomainSilo.StartAsync();
        var entry = new AuditEntry("liaison-jp-npa", ActorRole.Partner, "JP-NPA", "task.acknowledge", "task/T-1", "ok", silo.Now);

        await silo.Audit.Append(entry);

        var recorded = (await silo.Events(Stream))[0].Data;
        const string json = """{"subject":"liaison-jp-npa","role":"Partner","agency":"JP-NPA","action":"task.acknowledge","target":"task/T-1","outcome":"ok","at":"2026-11-22T09:00:00+00:00"}""";
        Assert.Equal(json, recorded.GetProperty("entry").GetRawText());
        Assert.Equal(json, silo.Json(entry));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Genesis}\n1\n{json}")));
        Assert.Equal(hash, recorded.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        await using var silo = await DomainSilo.StartAsync();

        Assert.Equal(new AuditVerification(true, 0, null, null), await silo.Audit.Verify());
    }

    [Fact]
    public async Task An_entry_without_subject_action_target_or_outcome_is_refused()
    {
        await using var silo = await DomainSilo.StartAsync();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => silo.Audit.Append(Entry(silo, "", "task/T-1")));

        Assert.Equal("entry: an audit entry needs a subject, an action, a target and an outcome", error.Message);
        Assert.Empty(await silo.Events(Stream));
    }

    [Fact]
    public async Task Verification_pages_through_a_long_chain()
    {
        await using var silo = await DomainSilo.StartAsync();
        for (var i = 0; i < 1001; i++)
        {
            await silo.Audit.Append(Entry(silo, "agency.get", $"agency/A-{i}"));
        }

        Assert.Equal(new AuditVerification(true, 1001, null, null), await silo.Audit.Verify());
    }

    public static TheoryData<string, long, string> Tamperings => new()
    {
        { "edited entry", 2, "sequence 2: hash does not match its entry" },
        { "relinked entry", 3, "sequence 3: previousHash does not match the hash of sequence 2" },
        { "dropped entry", 2, "sequence 2 is missing: the next entry is 3" },
        { "truncated tail", 4, "sequence 4 is missing from the log (the log ends at 3, the chain at 4)" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Verification_names_the_first_broken_link(string tampering, long brokenAt, string problem)
    {
        TamperingEventLog? log = null;
        await using var silo = await DomainSilo.StartAsync(services =>
        {
            services.RemoveAll<IEventLog>();
            services.AddSingleton<IEventLog>(sp => log = new TamperingEventLog(sp.GetRequiredService<InMemoryStore>()));
        });
        for (var i = 1; i <= 4; i++)
        {
            await silo.Audit.Append(Entry(silo, "task.assign", $"task/T-{i}"));
        }
        log!.Tamper = e => (tampering, e.Sequence) switch
        {
            ("edited entry", 2) => TamperingEventLog.With(e, ["entry", "outcome"], "403 Forbidden"),
            ("relinked entry", 3) => TamperingEventLog.With(e, ["previousHash"], Genesis),
            ("dropped entry", 2) or ("truncated tail", 4) => null,
            _ => e,
        };

        var verification = await silo.Audit.Verify();

        Assert.Equal(new AuditVerification(false, tampering is "dropped entry" or "truncated tail" ? 3 : 4, brokenAt, problem), verification);
    }

    private static AuditEntry Entry(DomainSilo silo, string action, string target)
        => new("coord-kim", ActorRole.Coordinator, null, action, target, "ok", silo.Now);
}
