using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// Everything the runtime needs to call one grain interface method without reflection per call: a compiled invoker,
/// its wire name, whether it is read-only, and which arguments and results must be copied.
/// </summary>
internal abstract class MethodDescriptor
{
    protected MethodDescriptor(Type interfaceType, MethodInfo method, ReturnKind returnKind, Type? resultType, Copier copier)
    {
        InterfaceType = interfaceType;
        Method = method;
        ReturnKind = returnKind;
        ResultType = resultType;
        Name = $"{interfaceType.Name}.{method.Name}";
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: false);
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        ArgumentNeedsCopy = ParameterTypes.Select(t => !copier.IsImmutable(t)).ToArray();
        AnyArgumentNeedsCopy = ArgumentNeedsCopy.Any(x => x);
        ResultNeedsCopy = resultType is not null && !copier.IsImmutable(resultType);
    }

    public Type InterfaceType { get; }

    public MethodInfo Method { get; }

    /// <summary>Stable wire name: "IInterface.Method" (grain interface method names are unique per interface).</summary>
    public string Name { get; }

    public bool IsReadOnly { get; }

    public ReturnKind ReturnKind { get; }

    /// <summary>The T of Task&lt;T&gt;/ValueTask&lt;T&gt;; null for Task/ValueTask.</summary>
    public Type? ResultType { get; }

    public Type[] ParameterTypes { get; }

    public bool[] ArgumentNeedsCopy { get; }

    public bool AnyArgumentNeedsCopy { get; }

    public bool ResultNeedsCopy { get; }

    /// <summary>Called by a proxy: routes through the dispatcher and returns the interface's return type, boxed.</summary>
    public abstract object InvokeFromProxy(GrainDispatcher dispatcher, GrainId grainId, object?[] arguments, CallOptions? options);

    /// <summary>Called by the message path: same dispatch, result as object.</summary>
    public abstract Task<object?> InvokeUntypedAsync(GrainDispatcher dispatcher, GrainId grainId, object?[] arguments, CallOptions? options);
}
