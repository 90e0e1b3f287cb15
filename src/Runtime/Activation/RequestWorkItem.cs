using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>A grain call that had to wait for its activation; its caller awaits <see cref="Call"/>.</summary>
internal sealed class RequestWorkItem<TResult>(GrainId grainId, MethodDescriptor<TResult> method, object?[] arguments, CallContext context, PendingCall<TResult> call)
    : WorkItem(grainId, context, method.IsReadOnly, countsAsActivity: true)
{
    public PendingCall<TResult> Call { get; } = call;

    public override void Execute()
    {
        var activation = Context.Target!;
        if (Call.IsCompleted || activation.Time.GetUtcNow() >= Context.Deadline)
        {
            // The caller has been (or is about to be) told it timed out: do not run a call nobody waits for.
            activation.Exit(this);
            Call.Expire();
            return;
        }
        Call.Follow(activation.RunTurn(method, arguments, Context), this);
    }

    public override void Reject(Exception error) => Call.TrySetException(error);
}
