using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicingHub.Cluster.Tests.InProcess.Support;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.EventSourcing;
using Xunit.Abstractions;

namespace PolicingHub.Cluster.Tests.InProcess;

/// <summary>The gateway's command retries across a silo's death: nobody sees a failure, nothing acknowledged is lost or applied twice.</summary>
public sealed class FailoverRetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Commands_caught_by_a_killed_silo_are_retried_with_their_key_so_none_fails_none_is_lost_and_none_is_applied_twice()
    {
        await using var region = await RegionCluster.StartAsync("ap", "ap", "ap");
        var client = region.Client;
        var codes = Enumerable.Range(1, 6).Select(i => $"JP-F{i}").ToArray();
        foreach (var code in codes)
        {
            await client.Register(code, "ap");
        }
        var retries = new CommandRetries(
            Options.Create(new CommandRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(2), RetryBudget = TimeSpan.FromSeconds(30) }),
            TimeProvider.System, region.Cluster.Silos[0].ServiceProvider.GetRequiredService<IMeterFactory>(), NullLogger<CommandRetries>.Instance);
        var load = CommandLoad.Start(codes,
            (code, key, n) => retries.Send(client.Agency(code), key, g => g.SetReadiness(Agencies.Readiness(n))), 5_000, TimeSpan.FromSeconds(60));
        await load.Progress(60, TimeSpan.FromSeconds(20));

        var victim = region.Cluster.Silos.Skip(1).First();
        var clock = CommandLoad.Clock();
        await region.Cluster.KillSiloAsync(victim);
        var before = load.Acknowledged.Count;
        await load.Progress(60, TimeSpan.FromSeconds(40));
        output.WriteLine($"60 more commands acknowledged {clock.ElapsedMilliseconds} ms after the kill ({before} before it)");
        await load.StopAsync();

        Assert.Empty(load.Failures);
        var recorded = (await region.Log.ReadAsync(0, 1_000_000))
            .Select(DomainEvents.Decode<CommandAccepted>)
            .Where(c => c is { Command: nameof(IAgencyGrain.SetReadiness) })
            .Select(c => c!.IdempotencyKey!)
            .ToList();
        Assert.Equal(recorded.Count, recorded.Distinct().Count()); // no command applied twice
        Assert.Equal(load.Acknowledged.Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal)); // none lost
    }
}
