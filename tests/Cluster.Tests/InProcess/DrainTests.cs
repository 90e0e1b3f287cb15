using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Cluster.Tests.InProcess.Support;
using PolicingHub.Gateway.Api.Cluster;
using PolicingHub.Grains.Agencies;

namespace PolicingHub.Cluster.Tests.InProcess;

/// <summary>Drain: the silo's grains move to the others while commands keep flowing, and not one call fails.</summary>
public sealed class DrainTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Draining_a_silo_under_load_moves_every_grain_it_hosts_to_the_other_silos_with_no_failed_call()
    {
        await using var region = await RegionCluster.StartAsync("ap", "ap", "ap");
        var client = region.Client;
        var codes = Enumerable.Range(1, 9).Select(i => $"KR-D{i}").ToArray();
        foreach (var code in codes)
        {
            await client.Register(code, "ap");
        }
        // Commands come from inside a silo that stays, as the REST gateway co-hosted with every silo sends them.
        var gateway = region.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
        var load = CommandLoad.Start(codes, (code, _, n) => gateway.GetGrain<IAgencyGrain>(code).SetReadiness(Agencies.Readiness(n)), 5_000,
            TimeSpan.FromSeconds(60));
        await load.Progress(50, TimeSpan.FromSeconds(20));

        var hosts = new Dictionary<string, Orleans.Runtime.SiloAddress?>();
        foreach (var code in codes)
        {
            hosts[code] = await region.HostOf(client.Agency(code));
        }
        var drained = region.Cluster.Silos.Skip(1).OrderByDescending(s => hosts.Values.Count(h => Equals(h, s.SiloAddress))).First();
        var onDrained = hosts.Count(h => Equals(h.Value, drained.SiloAddress));
        var operations = region.Cluster.Silos[0].ServiceProvider.GetRequiredService<IClusterOperations>();
        var active = region.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToArray();

        var clock = CommandLoad.Clock();
        var moved = await operations.DrainAsync(drained.SiloAddress, active);
        output.WriteLine($"drain: {moved} activations moved in {clock.ElapsedMilliseconds} ms");
        var leftBehind = new List<string>();
        foreach (var code in codes)
        {
            if (Equals(await region.HostOf(client.Agency(code)), drained.SiloAddress))
            {
                leftBehind.Add(code);
            }
        }
        await load.Progress(30, TimeSpan.FromSeconds(20));
        clock.Restart();
        await region.Cluster.StopSiloAsync(drained); // what the drained process's host does next (StopApplication)
        output.WriteLine($"graceful stop: {clock.ElapsedMilliseconds} ms");
        await load.Progress(30, TimeSpan.FromSeconds(20));
        await load.StopAsync();

        Assert.True(load.Failures.IsEmpty, string.Join("\n", load.Failures));
        Assert.Empty(leftBehind);
        Assert.True(moved >= onDrained, $"{moved} activations moved, {onDrained} agencies were on the drained silo");
        Assert.True(load.Acknowledged.Count >= 110, $"{load.Acknowledged.Count} commands acknowledged");
    }
}
