using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using PolicingHub.Grains.Placement;

namespace PolicingHub.Grains.Hosting;

/// <summary>
/// Adds what the domain grains need beside Orleans: the domain clock, the audit chain and the task escalation scheduler's
/// start. The event log, the audit key, reminders and the default grain storage are the store profile's to add.
/// </summary>
public static class GrainsSiloBuilderExtensions
{
    public static ISiloBuilder AddPolicingHubGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddPolicingHubGrains();
        silo.AddStartupTask<Tasks.Escalation.EscalationStartupTask>();
        return silo;
    }

    public static IServiceCollection AddPolicingHubGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddKeyedSingleton(DomainTime.Key, TimeProvider.System);
        services.TryAddSingleton(TimeProvider.System); // the host's clock: token revocations compare with tokens' issue times
        services.TryAddSingleton<Audit.AuditChain>(); // needs an AuditKey from the host (a key file outside the database)
        services.TryAddSingleton<Audit.IAuditCheckpointStore, Audit.NoAuditCheckpointStore>();
        // The domain grains carry [HomeRegionPlacement]; Orleans refuses to place a grain whose filter is not registered.
        // Without regions every silo qualifies; the silo host's AddPlacementFilter (src/Silo/Regions) takes precedence.
        services.TryAdd(ServiceDescriptor.DescribeKeyed(typeof(PlacementFilterStrategy), nameof(HomeRegionPlacementFilterStrategy),
            typeof(HomeRegionPlacementFilterStrategy), ServiceLifetime.Transient));
        services.TryAddKeyedSingleton<IPlacementFilterDirector, AnySiloPlacementFilterDirector>(typeof(HomeRegionPlacementFilterStrategy));
        return services;
    }
}
