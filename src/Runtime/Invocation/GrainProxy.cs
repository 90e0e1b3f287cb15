using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// The object behind a grain reference: forwards every interface call to the dispatcher through the method's
/// precompiled descriptor. Created by <see cref="DispatchProxy"/>; holds no grain state.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainDispatcher _dispatcher = null!;
    private GrainInterfaceInfo _interface = null!;
    private CallOptions? _options;

    /// <summary>The grain this reference points to.</summary>
    public GrainId GrainId { get; private set; }

    internal void Bind(GrainDispatcher dispatcher, GrainInterfaceInfo grainInterface, GrainId grainId, CallOptions? options)
    {
        _dispatcher = dispatcher;
        _interface = grainInterface;
        GrainId = grainId;
        _options = options;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _interface.Get(targetMethod).InvokeFromProxy(_dispatcher, GrainId, args ?? [], _options);
    }

    public override string ToString() => $"GrainReference({GrainId})";
}
