using System.Reflection;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Grains;

/// <summary>Adds the domain to the runtime: every grain class, every event type by its wire name, the JSON contracts.</summary>
public static class GrainsRuntimeBuilderExtensions
{
    /// <summary>Every domain event type: the records marked [EventName] in this assembly.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = typeof(GrainsRuntimeBuilderExtensions).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(EventNameAttribute), false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static IRuntimeBuilder AddPolicingHubGrains(this IRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddGrainsFromAssembly(typeof(GrainsRuntimeBuilderExtensions).Assembly)
            .AddEventTypes([.. EventTypes])
            .AddJsonContext(GrainsJsonContext.Default);
    }
}
