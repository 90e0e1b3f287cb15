using Microsoft.Data.Sqlite;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class AuditTests
{
    [Fact]
    public async Task Every_command_is_audited_with_who_what_target_and_outcome_and_reads_are_not()
    {
        await using var factory = new GatewayFactory();
        await factory.SeedDemoAsync();
        var id = await factory.AssignTaskAsync();
        using var japan = factory.Partner("JP-NPA", "desk-tokyo");
        var before = await HubState.ReadAsync(factory);

        await japan.GetStringAsync($"/api/tasks/{id}");
        await japan.PostJsonAsync($"/api/tasks/{id}/acknowledge", new { officer = "Insp. Duty", eta = DateTimeOffset.UtcNow.AddDays(1) });
        await japan.PostJsonAsync($"/api/tasks/{id}/complete", new { outcome = "early" });

        var added = (await HubState.ReadAsync(factory)).Audit.Skip(before.Audit.Count)
            .Select(e => (e.Subject, e.Role, e.Agency, e.Action, e.Target, e.Outcome)).ToList();
        Assert.Equal(
            [
                ("desk-tokyo", ActorRole.Partner, (string?)"JP-NPA", "task.acknowledge", id, "ok"),
                ("desk-tokyo", ActorRole.Partner, "JP-NPA", "task.complete", id, "409 Invalid transition"),
            ],
            added);
    }

    [Fact]
    public async Task The_audit_chain_verifies_after_a_series_of_commands()
    {
        await using var factory = new GatewayFactory();
        await factory.SeedDemoAsync();
        using var coordinator = factory.Coordinator();
        for (var i = 0; i < 3; i++)
        {
            await factory.AssignTaskAsync();
        }
        await coordinator.PostJsonAsync("/api/agreements/MOU-KR-JP-2026/suspend", new { reason = "review" });
        await coordinator.PostJsonAsync("/api/agreements/MOU-KR-JP-2026/resume", new { });

        var verification = await coordinator.GetAsync<AuditVerification>("/api/audit/verify");

        Assert.Equal(new AuditVerification(true, 5, null, null), verification);
    }

    [Fact]
    public async Task A_tampered_audit_entry_in_the_store_is_found_at_its_sequence()
    {
        var directory = Directory.CreateTempSubdirectory("policinghub-audit-").FullName;
        try
        {
            await using var factory = new GatewayFactory { SqlitePath = Path.Combine(directory, "hub.db") };
            await factory.SeedDemoAsync();
            using var coordinator = factory.Coordinator();
            for (var i = 0; i < 4; i++)
            {
                await factory.AssignTaskAsync();
            }
            Assert.True((await coordinator.GetAsync<AuditVerification>("/api/audit/verify")).Valid);

            await using (var connection = new SqliteConnection($"Data Source={factory.SqlitePath}"))
            {
                await connection.OpenAsync();
                var update = connection.CreateCommand();
                update.CommandText = "UPDATE events SET data = json_set(data, '$.entry.outcome', 'ok, honestly') WHERE type = 'audit.recorded' AND sequence = 3";
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }

            var verification = await coordinator.GetAsync<AuditVerification>("/api/audit/verify");

            Assert.False(verification.Valid);
            Assert.Equal(3, verification.FirstBrokenSequence);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
