using System.Reflection;

namespace PolicingHub.Runtime.Invocation;

/// <summary>A method descriptor whose calls produce Task&lt;TResult&gt; (void methods use TResult = object, always null).</summary>
internal sealed class MethodDescriptor<TResult> : MethodDescriptor
{
    private readonly Func<object, object?[], Task<TResult>> _invoker;

    public MethodDescriptor(
        Type interfaceType,
        MethodInfo method,
        ReturnKind returnKind,
        Type? resultType,
        Copier copier,
        Func<object, object?[], Task<TResult>> invoker)
        : base(interfaceType, method, returnKind, resultType, copier)
    {
        _invoker = invoker;
    }

    /// <summary>Runs the method on a grain instance; exceptions thrown synchronously become a faulted task.</summary>
    public Task<TResult> Invoke(object grain, object?[] arguments)
    {
        try
        {
            return _invoker(grain, arguments);
        }
        catch (Exception ex)
        {
            return Task.FromException<TResult>(ex);
        }
    }

    public override object InvokeFromProxy(GrainDispatcher dispatcher, GrainId grainId, object?[] arguments, CallOptions? options)
    {
        var task = dispatcher.InvokeAsync(grainId, this, arguments, options);
        return ReturnKind switch
        {
            ReturnKind.TaskOfT or ReturnKind.Task => task,
            ReturnKind.ValueTaskOfT => new ValueTask<TResult>(task),
            _ => new ValueTask(task),
        };
    }

    public override async Task<object?> InvokeUntypedAsync(GrainDispatcher dispatcher, GrainId grainId, object?[] arguments, CallOptions? options)
        => await dispatcher.InvokeAsync(grainId, this, arguments, options).ConfigureAwait(false);
}
