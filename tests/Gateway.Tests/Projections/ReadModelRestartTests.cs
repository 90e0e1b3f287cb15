using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Hosting;

namespace PolicingHub.Gateway.Tests.Projections;

/// <summary>The read models live in memory and are folded again from the log on start: a restart on the same SQLite data rebuilds them identically.</summary>
public sealed class ReadModelRestartTests
{
    [Fact]
    public async Task A_restart_on_the_same_SQLite_data_rebuilds_the_same_listings_agency_counts_and_scorecards_from_the_log()
    {
        using var data = new TempFolder("policinghub-restart-");
        Snapshot before;
        await using (var first = OnSqlite(data.Path, new FakeTimeProvider(DateTimeOffset.UtcNow)))
        {
            using var hub = new RestScenario(first);
            var codes = await hub.AgenciesAsync("KR", "JP", "CA");
            var (kr, jp, ca) = (codes[0], codes[1], codes[2]);
            var mou = await hub.ActiveAgreementAsync(kr, jp, ca);
            var clock = first.Services.GetRequiredKeyedService<TimeProvider>(DomainTime.Key) as FakeTimeProvider;
            var fulfilled = await hub.AddCommitmentAsync(mou, ca, clock!.GetUtcNow().AddDays(3));
            await hub.AddCommitmentAsync(mou, jp, clock.GetUtcNow().AddSeconds(1));
            await hub.AddCommitmentAsync(mou, kr, clock.GetUtcNow().AddDays(20));
            clock.Advance(TimeSpan.FromSeconds(2));
            await LogWatch.WaitForAsync(first, $"agreement/{mou}", "commitment.overdue");
            await hub.FulfilAsync(mou, fulfilled, ca);
            await hub.AnswerAsync(await hub.AssignAsync("T-RESTART-1", mou, kr, jp), jp);
            await hub.AssignAsync("T-RESTART-2", mou, kr, jp);
            await hub.DeclineAsync(await hub.AssignAsync("T-RESTART-3", mou, kr, jp), jp);
            await hub.ReassignAsync(await hub.AssignAsync("T-RESTART-4", mou, jp, kr), ca);
            await hub.CancelAsync(await hub.AssignAsync("T-RESTART-5", mou, ca, jp));
            before = await SnapshotAsync(first, jp, mou);
        }

        await using var second = OnSqlite(data.Path, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var after = await SnapshotAsync(second, before.Agency, before.Agreement);

        Assert.Equal(before.Agencies, after.Agencies);
        Assert.Equal(before.Agreements, after.Agreements);
        Assert.Equal(before.Tasks, after.Tasks);
        Assert.Equal(before.Scorecard, after.Scorecard);
        Assert.Contains("\"openTasks\":1,\"overdueCommitments\":1", after.AgencyJson, StringComparison.Ordinal);
        Assert.Equal(before.AgencyJson, after.AgencyJson);
        Assert.True(second.ReadModel.Position >= before.LogPosition, $"read model at {second.ReadModel.Position}, log was at {before.LogPosition}");
    }

    private static GatewayFactory OnSqlite(string dataPath, FakeTimeProvider domainClock) => new()
    {
        DataPath = dataPath,
        TestServices = s => s.AddKeyedSingleton<TimeProvider>(DomainTime.Key, domainClock),
    };

    private static async Task<Snapshot> SnapshotAsync(GatewayFactory factory, string agency, string agreement)
    {
        using var coordinator = factory.Coordinator();
        return new Snapshot(
            agency,
            agreement,
            await coordinator.GetStringAsync("/api/agencies"),
            await coordinator.GetStringAsync("/api/agreements"),
            await coordinator.GetStringAsync("/api/tasks"),
            await coordinator.GetStringAsync($"/api/agreements/{agreement}/scorecard"),
            await coordinator.GetStringAsync($"/api/agencies/{agency}"),
            await factory.Log.GetLastPositionAsync());
    }

    private sealed record Snapshot(
        string Agency, string Agreement, string Agencies, string Agreements, string Tasks, string Scorecard, string AgencyJson, long LogPosition);
}
