using Microsoft.Extensions.Options;
using Orleans.Core.Internal;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace PolicingHub.Silo.Regions;

/// <summary>
/// Brings grains home: every <see cref="RegionOptions.RehomeInterval"/> this silo lists the activations it hosts, and
/// asks each one whose home region is another region with an active silo to migrate when idle (Orleans'
/// MigrateOnIdle; placement then picks a silo of the home region). Orleans' own rebalancer balances load and never
/// moves a grain home, so after a region comes back (or once a new grain's home is known) this does.
/// </summary>
internal sealed partial class HomeRegionRebalancer(
    IGrainFactory grains,
    ILocalSiloDetails local,
    ISiloMetadataCache metadata,
    IClusterMembershipService membership,
    IGrainHomeRegions homes,
    SiloDrains drains,
    IOptions<RegionOptions> options,
    TimeProvider time,
    ILogger<HomeRegionRebalancer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RehomeInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var moved = await SweepAsync();
                if (moved > 0)
                {
                    Log.MovedHome(logger, moved, local.SiloAddress);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SweepFailed(logger, local.SiloAddress, e);
            }
        }
    }

    /// <summary>One sweep: the number of activations asked to move home.</summary>
    public async Task<int> SweepAsync()
    {
        var self = local.SiloAddress;
        if (drains.IsDraining(self))
        {
            return 0;
        }
        var here = metadata.RegionOf(self);
        var served = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !drains.IsDraining(m.SiloAddress))
            .Select(m => metadata.RegionOf(m.SiloAddress))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hosted = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, [self]);
        var away = hosted
            .Select(s => s.GrainId)
            .Where(id => homes.HomeRegionOf(id) is { } home && !SiloRegions.Same(home, here) && served.Contains(home))
            .Take(options.Value.RehomeBatch)
            .ToList();
        await Task.WhenAll(away.Select(id => grains.GetGrain(id).Cast<IGrainManagementExtension>().MigrateOnIdle().AsTask()));
        return away.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Asked {Count} activations on {Silo} to move to their home region")]
        public static partial void MovedHome(ILogger logger, int count, SiloAddress silo);

        [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The home-region sweep on {Silo} failed; the next sweep tries again")]
        public static partial void SweepFailed(ILogger logger, SiloAddress silo, Exception exception);
    }
}
