using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicingHub.Runtime.Activation;
using PolicingHub.Runtime.Cluster;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Invocation;
using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the virtual-actor runtime. Choose a store with UseSqliteStore or UseInMemoryStore, add grains with
    /// AddGrain or AddGrainsFromAssembly. Options bind from "PolicingHub:Runtime" and are validated on start.
    /// </summary>
    public static IRuntimeBuilder AddPolicingHubRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<RuntimeOptions>().BindConfiguration(RuntimeOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton(sp => new RuntimeJson(sp.GetServices<JsonContractRegistration>().Select(r => r.Resolver)));
        services.TryAddSingleton<Copier>();
        services.TryAddSingleton(sp =>
        {
            var registry = new EventTypeRegistry();
            registry.Register(sp.GetServices<EventTypeRegistration>().SelectMany(r => r.EventTypes));
            return registry;
        });
        services.TryAddSingleton<IEventBus, InProcessEventBus>();
        services.TryAddSingleton<GrainTypeRegistry>();
        services.TryAddSingleton<ActivationServices>();
        services.TryAddSingleton<Catalog>();
        services.TryAddSingleton<GrainDispatcher>();
        services.TryAddSingleton<CallDeadlines>();
        services.TryAddSingleton<MessageDispatcher>();
        services.TryAddSingleton<GrainActivator>();
        services.TryAddSingleton<PersistentStateServices>();
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.TryAddSingleton<ActivationCollector>();
        services.TryAddSingleton<SingleSiloCluster>();
        services.TryAddSingleton<IClusterMembership>(sp => sp.GetRequiredService<SingleSiloCluster>());
        services.TryAddSingleton<IPlacementDirector>(sp => sp.GetRequiredService<SingleSiloCluster>());
        services.AddHostedService<RuntimeHostedService>();
        return new RuntimeBuilder(services);
    }

    private sealed class RuntimeBuilder(IServiceCollection services) : IRuntimeBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
