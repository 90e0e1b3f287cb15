using System.Diagnostics;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Activation;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// The one path every grain call takes, from a proxy or from a message: deadline, argument copies, the activation's
/// admission (an idle activation runs the call on the caller's thread, without a queue hop), the result copy.
/// </summary>
internal sealed class GrainDispatcher(
    Catalog catalog, TimeProvider time, IOptions<RuntimeOptions> options, RuntimeMetrics metrics, Copier copier, CallDeadlines deadlines)
{
    private readonly TimeSpan _defaultTimeout = options.Value.DefaultCallTimeout;

    public Copier Copier => copier;

    public Task<TResult> InvokeAsync<TResult>(GrainId grainId, MethodDescriptor<TResult> method, object?[] arguments, CallOptions? callOptions)
    {
        var caller = CallContext.Current;
        var deadline = time.GetUtcNow() + (callOptions?.Timeout ?? _defaultTimeout);
        if (caller is not null && caller.Deadline < deadline)
        {
            deadline = caller.Deadline;
        }
        if (method.AnyArgumentNeedsCopy)
        {
            arguments = CopyArguments(method, arguments);
        }
        var context = new CallContext(RequestIds.Next(), caller, deadline, callOptions?.IdempotencyKey, method);
        metrics.Calls.Add(1);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var activation = catalog.GetOrCreate(grainId);
            if (activation.TryEnterInline(context, method.IsReadOnly))
            {
                var turn = activation.RunTurn(method, arguments, context);
                if (turn.IsCompleted)
                {
                    activation.Exit(context, method.IsReadOnly);
                    return Completed(turn, method, started);
                }
                var inline = new PendingCall<TResult>(this, method, grainId, context, started);
                inline.Follow(turn, item: null);
                deadlines.Track(inline);
                return inline.Task;
            }
            var call = new PendingCall<TResult>(this, method, grainId, context, started);
            if (activation.Enqueue(new RequestWorkItem<TResult>(grainId, method, arguments, context, call)))
            {
                deadlines.Track(call);
                return call.Task;
            }
            // The activation finished deactivating between lookup and enqueue: look it up again.
        }
    }

    /// <summary>Hands a queued turn of a deactivated activation to the grain's next activation.</summary>
    public void Forward(WorkItem item)
    {
        while (!catalog.GetOrCreate(item.GrainId).Enqueue(item))
        {
        }
    }

    private Task<TResult> Completed<TResult>(Task<TResult> turn, MethodDescriptor<TResult> method, long started)
    {
        Record(turn.IsCompletedSuccessfully, started);
        return turn.IsCompletedSuccessfully && method.ResultNeedsCopy ? Task.FromResult(copier.Copy(turn.Result)) : turn;
    }

    private object?[] CopyArguments(MethodDescriptor method, object?[] arguments)
    {
        var copies = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            copies[i] = method.ArgumentNeedsCopy[i] ? copier.Copy(arguments[i], method.ParameterTypes[i]) : arguments[i];
        }
        return copies;
    }

    public void Record(bool success, long started)
    {
        if (!success)
        {
            metrics.CallFailures.Add(1);
        }
        if (metrics.CallDuration.Enabled)
        {
            metrics.CallDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
