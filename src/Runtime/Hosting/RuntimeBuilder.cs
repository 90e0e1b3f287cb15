using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Hosting;

/// <summary>Adds grain classes, JSON contracts and event types to the runtime.</summary>
public static class RuntimeBuilderExtensions
{
    public static IRuntimeBuilder AddGrain<TGrain>(this IRuntimeBuilder builder) where TGrain : Grain
    {
        builder.Services.AddSingleton(new GrainRegistration(typeof(TGrain)));
        return builder;
    }

    /// <summary>Adds every non-abstract class deriving from <see cref="Grain"/> in the assembly.</summary>
    public static IRuntimeBuilder AddGrainsFromAssembly(this IRuntimeBuilder builder, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Grain).IsAssignableFrom(t)))
        {
            builder.Services.AddSingleton(new GrainRegistration(type));
        }
        return builder;
    }

    /// <summary>Serializes with this source-generated context before falling back to reflection.</summary>
    public static IRuntimeBuilder AddJsonContext(this IRuntimeBuilder builder, IJsonTypeInfoResolver resolver)
    {
        builder.Services.AddSingleton(new JsonContractRegistration(resolver));
        return builder;
    }

    /// <summary>Registers event types by name up front, so readers can map names back to types after a restart.</summary>
    public static IRuntimeBuilder AddEventTypes(this IRuntimeBuilder builder, params Type[] eventTypes)
    {
        builder.Services.AddSingleton(new EventTypeRegistration(eventTypes));
        return builder;
    }
}
