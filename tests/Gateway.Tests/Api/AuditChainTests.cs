using Microsoft.Data.Sqlite;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>
/// The keyed chain over the log (DESIGN §4.6) on the Sqlite profile: checkpoints sealed through /api/audit/verify; then
/// the host is stopped, {DataPath}/events.db is changed behind its back, and a new host on the same folder names the
/// range the change lies in. The background sealer is slowed down so each test decides when the log is sealed.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly Dictionary<string, string?> SealOnDemand = new() { ["PolicingHub:Audit:SealInterval"] = "01:00:00" };

    [Fact]
    public async Task A_rewritten_event_is_found_between_the_two_checkpoints_around_it_after_a_restart()
    {
        using var data = new TempFolder("policinghub-audit-");
        long firstSeal, secondSeal, tampered;
        await using (var factory = GatewayFactory.OnSqlite(data.Path, SealOnDemand))
        {
            await factory.SeedDemoAsync();
            firstSeal = (await VerifyAsync(factory)).SealedUpTo;
            var task = await factory.AssignTaskAsync();
            await factory.AssignTaskAsync();
            var second = await VerifyAsync(factory);
            secondSeal = second.SealedUpTo;
            await factory.AssignTaskAsync();
            Assert.True((await VerifyAsync(factory)).Valid);
            tampered = (await factory.Log.ReadStreamAsync($"task/{task}", 0, 1)).Single().Position;
            Assert.Equal((true, 2), (second.Valid, second.SealsChecked));
        }

        Assert.Equal(1, await ExecuteAsync(data, $"UPDATE events SET data = json_set(data, '$.title', 'Nothing to see') WHERE position = {tampered}"));
        await using var restarted = GatewayFactory.OnSqlite(data.Path, SealOnDemand);
        var verification = await VerifyAsync(restarted);

        Assert.InRange(tampered, firstSeal + 1, secondSeal);
        Assert.Equal((false, (long?)firstSeal, (long?)secondSeal, 1), (verification.Valid, verification.BrokenAfter, verification.BrokenAt, verification.SealsChecked));
        Assert.StartsWith($"the chain breaks between positions {firstSeal + 1} and {secondSeal}: ", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_events_a_checkpoint_covers_is_found_as_a_gap_after_the_checkpoint_before_them()
    {
        using var data = new TempFolder("policinghub-audit-");
        long firstSeal, lastCommand;
        await using (var factory = GatewayFactory.OnSqlite(data.Path, SealOnDemand))
        {
            await factory.SeedDemoAsync();
            firstSeal = (await VerifyAsync(factory)).SealedUpTo;
            await factory.AssignTaskAsync();
            await factory.AssignTaskAsync();
            lastCommand = (await VerifyAsync(factory)).SealedUpTo;
        }

        // everything after the first checkpoint's own event up to the last command; the second checkpoint's event stays
        Assert.Equal((int)(lastCommand - firstSeal - 1), await ExecuteAsync(data, $"DELETE FROM events WHERE position > {firstSeal + 1} AND position <= {lastCommand}"));
        await using var restarted = GatewayFactory.OnSqlite(data.Path, SealOnDemand);
        var verification = await VerifyAsync(restarted);

        Assert.Equal((false, (long?)firstSeal, (long?)lastCommand + 1, 1), (verification.Valid, verification.BrokenAfter, verification.BrokenAt, verification.SealsChecked));
        Assert.Equal($"position {firstSeal + 2} is missing from the log", verification.Message);
    }

    [Fact]
    public async Task Deleting_the_last_events_with_their_checkpoint_is_found_when_the_host_comes_back()
    {
        using var data = new TempFolder("policinghub-audit-");
        long firstSeal, lastSeal;
        await using (var factory = GatewayFactory.OnSqlite(data.Path, SealOnDemand))
        {
            await factory.SeedDemoAsync();
            firstSeal = (await VerifyAsync(factory)).SealedUpTo;
            await factory.AssignTaskAsync();
            lastSeal = (await VerifyAsync(factory)).SealedUpTo;
        }

        await ExecuteAsync(data, $"DELETE FROM events WHERE position > {firstSeal + 1}");
        await using var restarted = GatewayFactory.OnSqlite(data.Path, SealOnDemand);
        var verification = await VerifyAsync(restarted);

        Assert.False(verification.Valid);
        Assert.Equal((long?)lastSeal, verification.BrokenAt);
    }

    [Fact]
    public async Task The_checkpoints_list_each_seal_in_order_and_each_MAC_is_the_keyed_chain_over_the_log_up_to_it()
    {
        using var data = new TempFolder("policinghub-audit-");
        await using var factory = GatewayFactory.OnSqlite(data.Path, SealOnDemand);
        await factory.SeedDemoAsync();
        var first = await VerifyAsync(factory);
        await factory.AssignTaskAsync();
        var second = await VerifyAsync(factory);
        using var coordinator = factory.Coordinator();
        using var partner = factory.Partner("JP-NPA");

        var checkpoints = await coordinator.GetAsync<AuditSealed[]>("/api/audit/checkpoints");

        Assert.Equal([first.SealedUpTo, second.SealedUpTo], checkpoints.Select(c => c.UpTo));
        var chain = new AuditChain(new AuditKey(Convert.FromBase64String(await File.ReadAllTextAsync(data.File("audit-key.b64")))));
        var log = await HubState.ReadAllAsync(factory.Log);
        foreach (var checkpoint in checkpoints)
        {
            Assert.Equal(Chain(chain, log.Where(e => e.Position <= checkpoint.UpTo)), checkpoint.Mac);
        }
        Assert.NotEqual(checkpoints[0].Mac, checkpoints[1].Mac);
        await (await partner.GetAsync("/api/audit/checkpoints")).ProblemAsync(403);
    }

    private static string Chain(AuditChain chain, IEnumerable<EventEnvelope> events) =>
        events.Aggregate(AuditChain.Genesis, chain.Next);

    private static async Task<AuditVerification> VerifyAsync(GatewayFactory factory)
    {
        using var coordinator = factory.Coordinator();
        return await coordinator.GetAsync<AuditVerification>("/api/audit/verify");
    }

    /// <summary>Runs one statement on {DataPath}/events.db while no host holds it; returns the rows changed.</summary>
    private static async Task<int> ExecuteAsync(TempFolder data, string sql)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={data.File("events.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var changed = await command.ExecuteNonQueryAsync();
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        return changed;
    }
}
