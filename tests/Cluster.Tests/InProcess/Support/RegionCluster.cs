using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.InMemory;
using PolicingHub.Gateway.Projections;
using PolicingHub.Grains.Hosting;
using PolicingHub.Silo.Operations;
using PolicingHub.Silo.Regions;

namespace PolicingHub.Cluster.Tests.InProcess.Support;

/// <summary>
/// Several silos in one process (Orleans' InProcessTestCluster), each in a named region, sharing one in-memory event
/// log (the cluster's store); each silo folds its own read model from it, as in production, and places the domain
/// grains with the region director. Membership is tuned as the cluster profile tunes it, so a killed silo is declared
/// dead in about a second.
/// </summary>
public sealed class RegionCluster : IAsyncDisposable
{
    public static readonly TimeSpan RehomeInterval = TimeSpan.FromMilliseconds(200);
    private readonly Dictionary<string, string> _regionBySilo = new(StringComparer.Ordinal);
    private InProcessTestCluster? _cluster;
    private string _nextRegion = "";

    private RegionCluster()
    {
    }

    /// <summary>The cluster's store, shared by every silo.</summary>
    public InMemoryEventLog Log { get; } = new(TimeProvider.System);

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public IClusterClient Client => Cluster.Client;

    /// <summary>Starts one silo per entry of <paramref name="regions"/>, in that region.</summary>
    public static async Task<RegionCluster> StartAsync(params string[] regions)
    {
        var region = new RegionCluster();
        var builder = new InProcessTestClusterBuilder((short)regions.Length);
        builder.Options.ConfigureFileLogging = false;
        // The test cluster's default (true) makes Orleans skip every placement filter — the home-region director among
        // them — and place among all silos; the sweep then moved grains home, which hid it.
        builder.Options.AssumeHomogenousSilosForTesting = false;
        for (var i = 0; i < regions.Length; i++)
        {
            region._regionBySilo[$"Silo_{i}"] = regions[i];
        }
        builder.ConfigureSilo((options, silo) => region.Configure(silo, region._regionBySilo.GetValueOrDefault(options.SiloName) ?? region._nextRegion));
        region._cluster = builder.Build();
        await region._cluster.DeployAsync();
        return region;
    }

    /// <summary>Starts one more silo in <paramref name="region"/>.</summary>
    public async Task<InProcessSiloHandle> AddSiloAsync(string region)
    {
        _nextRegion = region;
        var silo = await Cluster.StartAdditionalSiloAsync();
        _regionBySilo[silo.Name] = region;
        return silo;
    }

    public string RegionOf(SiloAddress silo) => _regionBySilo[Cluster.Silos.Single(s => s.SiloAddress.Equals(silo)).Name];

    public InProcessSiloHandle Silo(SiloAddress address) => Cluster.Silos.Single(s => s.SiloAddress.Equals(address));

    /// <summary>Where <paramref name="grain"/> is active now, per Orleans' management grain; null when nowhere.</summary>
    public async Task<SiloAddress?> HostOf(IAddressable grain)
    {
        var active = Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToArray();
        var all = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, active);
        return all.FirstOrDefault(s => s.GrainId == grain.GetGrainId())?.SiloAddress;
    }

    /// <summary>
    /// Waits until the region director's two inputs are complete on every silo: its read model has folded the whole log,
    /// and its silo metadata cache knows every silo's region (Orleans fills that cache in the background after a silo
    /// joins; until then a silo places a grain anywhere and the rebalancer moves it home later).
    /// </summary>
    public async Task ReadModelsCaughtUp()
    {
        foreach (var silo in Cluster.GetActiveSilos())
        {
            await silo.ServiceProvider.GetRequiredService<ReadModelProjector>().CatchUpAsync(CancellationToken.None);
        }
        await Eventually.Until(() => Task.FromResult(Cluster.GetActiveSilos().All(silo =>
            {
                var cache = silo.ServiceProvider.GetRequiredService<ISiloMetadataCache>();
                return Cluster.GetActiveSilos().All(other => cache.RegionOf(other.SiloAddress) is not null);
            })),
            "every silo's metadata cache knows every silo's region");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private void Configure(ISiloBuilder silo, string region)
    {
        silo.Services.AddSingleton(Log);
        silo.Services.AddInMemoryEventLog();
        silo.UseInMemoryReminderService();
        silo.AddMemoryGrainStorageAsDefault(); // the task escalation scheduler keeps its schedule in grain storage
        silo.AddPolicingHubGrains();
        silo.UseRegions(region);
        silo.AddClusterOperations();
        silo.Services.AddSingleton<HubReadModel>();
        silo.Services.AddSingleton<ReadModelProjector>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<ReadModelProjector>());
        silo.Services.Configure<RegionOptions>(o => o.RehomeInterval = RehomeInterval);
        silo.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 2;
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
        silo.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }
}
