using PolicingHub.Runtime.Activation;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// What a caller awaits when its call did not complete on the caller's thread. One continuation on the grain's turn
/// ends the turn on the activation, copies the result if needed and answers the caller; the deadline sweep may answer
/// first with a timeout (the turn still ends normally, its outcome unknown to the caller).
/// </summary>
internal sealed class PendingCall<TResult>(GrainDispatcher dispatcher, MethodDescriptor<TResult> method, GrainId grainId, CallContext context, long started)
    : TaskCompletionSource<TResult>, IPendingCall
{
    private Task<TResult>? _turn;
    private WorkItem? _item;

    public bool IsCompleted => Task.IsCompleted;

    public DateTimeOffset Deadline => context.Deadline;

    /// <summary>Follows a turn admitted inline (<paramref name="item"/> null) or from the queue.</summary>
    public void Follow(Task<TResult> turn, WorkItem? item)
    {
        _turn = turn;
        _item = item;
        if (turn.IsCompleted)
        {
            OnTurnCompleted();
        }
        else
        {
            turn.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnTurnCompleted);
        }
    }

    public void Expire()
    {
        if (TrySetException(new GrainCallTimeoutException(
            $"{method.Name} on {grainId} did not answer before its deadline {context.Deadline:O}; its outcome is unknown.")))
        {
            dispatcher.Record(success: false, started);
        }
    }

    private void OnTurnCompleted()
    {
        var turn = _turn!;
        if (_item is null)
        {
            context.Target!.Exit(context, method.IsReadOnly);
        }
        else
        {
            context.Target!.Exit(_item);
        }
        if (Task.IsCompleted)
        {
            return; // expired: the caller was answered with a timeout
        }
        // Recorded before answering: the caller's continuation may run inline and must see the call counted.
        dispatcher.Record(turn.Status == TaskStatus.RanToCompletion, started);
        _ = turn.Status switch
        {
            TaskStatus.RanToCompletion => TrySetResult(method.ResultNeedsCopy ? dispatcher.Copier.Copy(turn.Result) : turn.Result),
            TaskStatus.Canceled => TrySetCanceled(),
            _ => TrySetException(turn.Exception!.InnerExceptions),
        };
    }
}
