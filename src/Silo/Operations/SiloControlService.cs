using Orleans.Core.Internal;
using Orleans.Metadata;
using PolicingHub.Silo.Regions;

namespace PolicingHub.Silo.Operations;

/// <summary>
/// The silo-side of drain and stop. Drain: this silo joins the draining list (placement here then skips it), every
/// activation it hosts is asked to migrate when idle (placement picks another silo, in the grain's home region when it
/// has one), it waits until none is left or <see cref="DrainLimit"/> passes, then the host stops gracefully — Orleans
/// forwards calls that still arrive, so callers see no failure.
/// </summary>
internal sealed partial class SiloControlService(
    GrainId id,
    global::Orleans.Runtime.Silo silo,
    ILoggerFactory loggers,
    ILocalSiloDetails local,
    IGrainFactory grains,
    SiloDrains drains,
    IHostApplicationLifetime lifetime,
    GrainPropertiesResolver grainTypes,
    TimeProvider time) : GrainService(id, silo, loggers), ISiloControl
{
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(100);
    private readonly ILogger _logger = loggers.CreateLogger<SiloControlService>();

    public Task MarkDraining(SiloAddress silo)
    {
        drains.Add(silo);
        return Task.CompletedTask;
    }

    public async Task<int> Drain()
    {
        var self = local.SiloAddress;
        drains.Add(self);
        Log.Draining(_logger, self);
        var management = grains.GetGrain<IManagementGrain>(0);
        var asked = new HashSet<GrainId>();
        var deadline = time.GetUtcNow() + DrainLimit;
        while (true)
        {
            var hosted = (await management.GetDetailedGrainStatistics(null, [self])).Select(s => s.GrainId).Where(Movable).ToList();
            if (hosted.Count == 0 || time.GetUtcNow() >= deadline)
            {
                Log.Drained(_logger, self, asked.Count, hosted.Count);
                break;
            }
            var fresh = hosted.Where(asked.Add).ToList();
            await Task.WhenAll(fresh.Select(g => grains.GetGrain(g).Cast<IGrainManagementExtension>().MigrateOnIdle().AsTask()));
            await Task.Delay(Recheck, time); // migrations finish when each activation is idle: look again shortly (bounded by DrainLimit)
        }
        _ = Task.Run(lifetime.StopApplication); // after this call has answered
        return asked.Count;
    }

    public Task Shutdown()
    {
        Log.Stopping(_logger, local.SiloAddress);
        _ = Task.Run(lifetime.StopApplication);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Grains with one activation move; stateless workers (Orleans' management grain among them: the drain itself calls
    /// it here) and system grains (sys.*) have a local activation wherever they are used and just stop with the silo.
    /// </summary>
    private bool Movable(GrainId grain) =>
        !grain.Type.ToString()!.StartsWith("sys.", StringComparison.Ordinal)
        && !(grainTypes.TryGetGrainProperties(grain.Type, out var properties)
            && properties.Properties.TryGetValue(WellKnownGrainTypeProperties.PlacementStrategy, out var placement)
            && placement == "StatelessWorkerPlacement"); // the name Orleans records for [StatelessWorker]

    private static partial class Log
    {
        [LoggerMessage(EventId = 7110, Level = LogLevel.Warning, Message = "Draining silo {Silo}: migrating its activations, then stopping")]
        public static partial void Draining(ILogger logger, SiloAddress silo);

        [LoggerMessage(EventId = 7111, Level = LogLevel.Warning, Message = "Drained silo {Silo}: {Moved} activations asked to move, {Left} left; stopping")]
        public static partial void Drained(ILogger logger, SiloAddress silo, int moved, int left);

        [LoggerMessage(EventId = 7112, Level = LogLevel.Warning, Message = "Stopping silo {Silo} at an operator's request")]
        public static partial void Stopping(ILogger logger, SiloAddress silo);
    }
}
