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
internal sealed class GrainDispatcher(Catalog catalog, TimeProvider time, IOptions<RuntimeOptions> options, RuntimeMetrics metrics, Copier copier)
{
    private readonly TimeSpan _defaultTimeout = options.Value.DefaultCallTimeout;

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
                turn.ContinueWith(static (_, state) =>
                {
                    var c = (CallContext)state!;
                    c.Target!.Exit(c, c.Method!.IsReadOnly);
                }, context, TaskContinuationOptions.ExecuteSynchronously);
                return AwaitAsync(turn, method, grainId, deadline, started);
            }
            var item = new RequestWorkItem<TResult>(grainId, method, arguments, context);
            if (activation.Enqueue(item))
            {
                return AwaitAsync(item.Task, method, grainId, deadline, started);
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

    private async Task<TResult> AwaitAsync<TResult>(Task<TResult> turn, MethodDescriptor<TResult> method, GrainId grainId, DateTimeOffset deadline, long started)
    {
        var remaining = deadline - time.GetUtcNow();
        TResult result;
        try
        {
            result = await turn.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time).ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!turn.IsFaulted || turn.Exception!.InnerException != ex)
        {
            Record(false, started);
            throw new GrainCallTimeoutException(
                $"{method.Name} on {grainId} did not answer before its deadline {deadline:O}; its outcome is unknown.");
        }
        catch
        {
            Record(false, started);
            throw;
        }
        Record(true, started);
        return method.ResultNeedsCopy ? copier.Copy(result) : result;
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

    private void Record(bool success, long started)
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
