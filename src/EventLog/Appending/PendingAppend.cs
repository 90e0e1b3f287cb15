namespace PolicingHub.EventLog.Appending;

/// <summary>
/// One caller's append while it waits in the <see cref="GroupCommitAppender"/>'s queue and then in a batch. It is
/// either taken by the writer loop (from then on it will be written or fail with its batch) or withdrawn by its
/// caller's cancellation before that (then it is never written); never both.
/// </summary>
internal sealed class PendingAppend
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private readonly TaskCompletionSource<AppendResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public PendingAppend(string stream, long expectedSequence, IReadOnlyList<NewEvent> events, long enqueuedAt)
    {
        Stream = stream;
        ExpectedSequence = expectedSequence;
        Events = events;
        EnqueuedAt = enqueuedAt;
    }

    public string Stream { get; }

    public long ExpectedSequence { get; }

    public IReadOnlyList<NewEvent> Events { get; }

    /// <summary>When it was queued, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long EnqueuedAt { get; }

    public Task<AppendResult> Result => _result.Task;

    /// <summary>The writer loop claims it for a batch; false when its caller withdrew it first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>
    /// Its caller gave up waiting. Still queued: withdrawn, never written, the caller sees
    /// <see cref="OperationCanceledException"/>. Already taken: the write goes on and the caller sees an
    /// <see cref="EventLogException"/> with <see cref="EventLogException.OutcomeUnknown"/> set.
    /// </summary>
    public void Abandon(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued)
        {
            _result.TrySetCanceled(cancellationToken);
            return;
        }
        _result.TrySetException(new EventLogException(
            $"The append to stream '{Stream}' was cancelled while its batch was being written; it may have been appended.",
            outcomeUnknown: true,
            new OperationCanceledException(cancellationToken)));
    }

    public void Complete(AppendResult result) => _result.TrySetResult(result);

    public void Fail(EventLogException exception) => _result.TrySetException(exception);
}
