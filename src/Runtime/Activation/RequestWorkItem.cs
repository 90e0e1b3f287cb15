using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>A grain call that had to wait for its activation.</summary>
internal sealed class RequestWorkItem<TResult>(GrainId grainId, MethodDescriptor<TResult> method, object?[] arguments, CallContext context)
    : WorkItem(grainId, context, method.IsReadOnly, countsAsActivity: true)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override void Execute()
    {
        var activation = Context.Target!;
        if (activation.Time.GetUtcNow() >= Context.Deadline)
        {
            // The caller has already been told it timed out: do not run a call nobody waits for.
            activation.Exit(this);
            _completion.TrySetException(new GrainCallTimeoutException($"{method.Name} on {GrainId} expired while queued."));
            return;
        }
        var turn = activation.RunTurn(method, arguments, Context);
        if (turn.IsCompleted)
        {
            Finish(turn);
        }
        else
        {
            turn.ContinueWith(static (t, state) => ((RequestWorkItem<TResult>)state!).Finish(t), this, TaskContinuationOptions.ExecuteSynchronously);
        }
    }

    public override void Reject(Exception error) => _completion.TrySetException(error);

    private void Finish(Task<TResult> turn)
    {
        Context.Target!.Exit(this);
        _completion.TrySetFromTask(turn);
    }
}
