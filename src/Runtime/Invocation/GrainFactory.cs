using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>Creates grain references: a <see cref="GrainProxy"/> bound to a grain id, an interface and call options.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, GrainDispatcher dispatcher) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
        => GetGrain<TGrainInterface>(key, CallOptions.Default);

    public TGrainInterface GetGrain<TGrainInterface>(string key, CallOptions options) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var grainType = registry.GetClassFor(typeof(TGrainInterface)).TypeName;
        return Create<TGrainInterface>(new GrainId(grainType, key), options);
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId, CallOptions? options = null) where TGrainInterface : IGrain
    {
        var grainClass = registry.GetClass(grainId.Type).ClassType;
        if (!typeof(TGrainInterface).IsAssignableFrom(grainClass))
        {
            throw new InvalidOperationException($"Grain type '{grainId.Type}' does not implement {typeof(TGrainInterface).Name}.");
        }
        return Create<TGrainInterface>(grainId, options ?? CallOptions.Default);
    }

    private TGrainInterface Create<TGrainInterface>(GrainId grainId, CallOptions options) where TGrainInterface : IGrain
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)proxy).Bind(dispatcher, registry.GetInterface(typeof(TGrainInterface)), grainId, ReferenceEquals(options, CallOptions.Default) ? null : options);
        return proxy;
    }
}
