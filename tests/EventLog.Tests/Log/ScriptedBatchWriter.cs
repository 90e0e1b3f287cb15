using PolicingHub.EventLog.Appending;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>
/// A batch writer over a list, for driving the <see cref="GroupCommitAppender"/> by hand: it stages a batch and
/// commits it only at the end, can hold the next batch until released, and can fail the next batch (throwing what a
/// store would: an <see cref="EventLogException"/> saying whether the commit was reached, or anything else).
/// Called by the appender's single loop only.
/// </summary>
internal sealed class ScriptedBatchWriter : IEventBatchWriter
{
    private readonly object _lock = new();
    private readonly List<EventEnvelope> _committed = [];
    private readonly List<int> _batchSizes = [];
    private TaskCompletionSource? _entered;
    private TaskCompletionSource? _release;
    private Exception? _failure;

    public IReadOnlyList<EventEnvelope> Committed
    {
        get
        {
            lock (_lock)
            {
                return [.. _committed];
            }
        }
    }

    /// <summary>The size of every batch handed to the writer, in order, failed ones included.</summary>
    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_lock)
            {
                return [.. _batchSizes];
            }
        }
    }

    /// <summary>Holds the next batch; the returned task completes when the writer has it (the appender has taken it).</summary>
    public Task HoldNextBatch()
    {
        lock (_lock)
        {
            _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _entered.Task;
        }
    }

    public void Release() => _release?.TrySetResult();

    /// <summary>
    /// The next batch to reach the writer (not one already held) stages its events, then throws <paramref name="error"/>
    /// instead of committing: nothing is kept.
    /// </summary>
    public void FailNextBatch(Exception error) => Interlocked.Exchange(ref _failure, error);

    public async Task<IReadOnlyList<AppendResult>> WriteAsync(
        IReadOnlyList<PendingAppend> batch, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        Task? hold = null;
        Exception? failure;
        lock (_lock)
        {
            _batchSizes.Add(batch.Count);
            failure = Interlocked.Exchange(ref _failure, null);
            if (_entered is { } entered)
            {
                hold = _release!.Task;
                _entered = null;
                entered.TrySetResult();
            }
        }
        if (hold is not null)
        {
            await hold;
        }
        lock (_lock)
        {
            var sequencer = new BatchSequencer(_committed.Count);
            var staged = new List<EventEnvelope>();
            var results = new List<AppendResult>();
            foreach (var append in batch)
            {
                if (!sequencer.TryGetHead(append.Stream, out var head))
                {
                    head = _committed.Count(e => e.Stream == append.Stream);
                }
                var result = sequencer.Place(append, head);
                for (var i = 0; result.Succeeded && i < append.Events.Count; i++)
                {
                    var e = append.Events[i];
                    staged.Add(new EventEnvelope(result.FirstPosition + i, append.Stream, append.ExpectedSequence + 1 + i, e.Type, occurredAt, e.Data));
                }
                results.Add(result);
            }
            if (failure is not null)
            {
                throw failure;
            }
            _committed.AddRange(staged);
            return results;
        }
    }
}
