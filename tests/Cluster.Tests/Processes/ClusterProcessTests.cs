using System.Net;
using PolicingHub.Cluster.Tests.Processes.Support;
using Xunit.Abstractions;

namespace PolicingHub.Cluster.Tests.Processes;

/// <summary>
/// Real silo processes on the cluster profile (PostgreSQL), in regions "hub" (takes the REST load, never stopped) and
/// "ap" (two silos): placement by region and its fallback, drain and kill -9 under load.
/// </summary>
public sealed class ClusterProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Agencies_live_in_their_home_region_or_anywhere_when_it_has_no_silo_and_draining_a_silo_under_load_fails_no_command()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, database.Name, ["hub", "ap", "ap"]);
        var hub = cluster.Silos[0].Silo;
        using var coordinator = hub.Client(cluster.Token);
        string[] japan = ["JP-P1", "JP-P2", "JP-P3", "JP-P4"];
        foreach (var code in japan)
        {
            await coordinator.RegisterAsync(code, "ap");
        }
        await coordinator.RegisterAsync("FR-P1", "eu");

        await Eventually.Until(async () => AtHome(cluster, await cluster.PlacementAsync(hub), japan), "the JP agencies on ap silos", Long);
        var view = await cluster.ViewAsync(hub);
        var france = view.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "FR-P1");
        Assert.Equal(("eu", false), (france.GetProperty("homeRegion").GetString(), france.GetProperty("atHome").GetBoolean()));
        Assert.Contains(france.GetProperty("region").GetString(), new[] { "hub", "ap" }); // eu has no silo: served anywhere

        var load = ReadinessLoad.Start(() => hub.Client(cluster.Token), japan, 10_000, TimeSpan.FromMinutes(3));
        await load.Progress(40, Long);
        var placement = await cluster.PlacementAsync(hub);
        var drained = cluster.Silos.Where(s => s.Region == "ap").Select(s => s.Silo).OrderByDescending(s => placement.Values.Count(p => p == s)).First();
        var address = await cluster.AddressOf(drained, hub);
        using (var response = await coordinator.PostAsync($"/api/cluster/silos/{address}/drain", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        await drained.ExitedAsync(Long); // it stops by itself once its grains have moved
        await load.Progress(40, Long);
        await load.StopAsync();

        Assert.True(load.Failures.IsEmpty, string.Join("\n", load.Failures) + "\nthe hub silo wrote:\n" + hub.Output + "\nthe drained silo wrote:\n" + drained.Output);
        var after = await cluster.PlacementAsync(hub);
        var remaining = cluster.Silos.Single(s => s.Region == "ap" && s.Silo != drained).Silo;
        Assert.All(japan, code => Assert.Equal(remaining, after[code])); // still at home: ap has a silo left
        foreach (var (code, readiness) in load.LastAcknowledged)
        {
            Assert.Equal(readiness, await coordinator.ReadinessAsync(code));
        }
    }

    [Fact]
    public async Task Killing_a_silo_under_load_fails_and_loses_no_command_and_a_console_on_another_silo_gets_every_change_in_order()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, database.Name, ["hub", "ap", "ap"]);
        var hub = cluster.Silos[0].Silo;
        using var coordinator = hub.Client(cluster.Token);
        string[] japan = ["JP-K1", "JP-K2", "JP-K3", "JP-K4"];
        foreach (var code in japan)
        {
            await coordinator.RegisterAsync(code, "ap");
        }
        await Eventually.Until(async () => AtHome(cluster, await cluster.PlacementAsync(hub), japan), "the JP agencies on ap silos", Long);
        var placement = await cluster.PlacementAsync(hub);
        var victim = cluster.Silos.Where(s => s.Region == "ap").Select(s => s.Silo).OrderByDescending(s => placement.Values.Count(p => p == s)).First();
        var survivor = cluster.Silos.Single(s => s.Region == "ap" && s.Silo != victim).Silo;
        var affected = placement.Where(p => p.Value == victim).Select(p => p.Key).ToList();
        await using var console = await ConsoleTail.ConnectAsync(survivor.Address, cluster.Token);

        var load = ReadinessLoad.Start(() => hub.Client(cluster.Token), japan, 10_000, TimeSpan.FromMinutes(3));
        await load.Progress(40, Long);
        var killedAt = load.Now;
        victim.Kill();
        await Eventually.Until(() => Task.FromResult(load.ServedAgainAfter(affected, killedAt) is not null), "the killed silo's agencies served again", Long);
        output.WriteLine($"kill -9 of the silo hosting {string.Join(", ", affected)}: served again after {load.ServedAgainAfter(affected, killedAt)!.Value.TotalSeconds:0.00} s");
        await load.Progress(40, Long);
        await load.StopAsync();

        Assert.True(load.Failures.IsEmpty, string.Join("\n", load.Failures) + "\nthe hub silo wrote:\n" + hub.Output);
        var steps = load.Steps;
        // Registration itself publishes the agency's first status (Normal); then one change per acknowledged command.
        await Eventually.Until(() => Task.FromResult(japan.All(code => Changes(console, code).Count == 1 + steps.GetValueOrDefault(code))),
            () => "the console on the surviving silo has every acknowledged change: " + string.Join(", ", japan.Select(code =>
                $"{code} {Changes(console, code).Count} of 1 + {steps.GetValueOrDefault(code)}")) + $"; {console.Events.Count} events, last " +
                (console.Events.Count > 0 ? console.Events[^1].ToString() : "none"), Long);
        foreach (var code in japan)
        {
            Assert.Equal(["Normal", .. Enumerable.Range(1, steps[code]).Select(ReadinessLoad.ReadinessOf)], Changes(console, code)); // in order, none missing, none twice
            Assert.Equal(ReadinessLoad.ReadinessOf(steps[code]), await coordinator.ReadinessAsync(code)); // nothing acknowledged lost
        }
        var positions = console.Events.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    private static bool AtHome(SiloCluster cluster, Dictionary<string, SiloProcess> placement, IEnumerable<string> codes) =>
        codes.All(code => placement.TryGetValue(code, out var silo) && cluster.RegionOf(silo) == "ap");

    private static List<string> Changes(ConsoleTail console, string agency) =>
        [.. console.Events.Where(e => e.GetProperty("stream").GetString() == $"agency/{agency}" && e.GetProperty("type").GetString() == "agency.status-changed")
            .Select(Hub.ReadinessOf)];
}
