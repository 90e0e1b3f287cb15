using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.TryAddSingleton<Audit.AuditChain>(); // needs an AuditKey from the host (a key file outside the database)
        services.TryAddSingleton<Audit.IAuditCheckpointStore, Audit.NoAuditCheckpointStore>();
        return services;
    }
}
