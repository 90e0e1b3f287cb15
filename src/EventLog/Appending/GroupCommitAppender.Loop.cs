using Microsoft.Extensions.Logging;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Appending;

/// <summary>The writer loop: drain a batch, write it in one transaction, hand out the results, ring the doorbell.</summary>
internal sealed partial class GroupCommitAppender
{
    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_maxBatchSize);
        var refused = 0;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                if (_stopping)
                {
                    refused += RefuseQueued();
                    continue;
                }
                batch.Clear();
                while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var pending))
                {
                    if (pending.TryTake())
                    {
                        batch.Add(pending);
                    }
                }
                if (batch.Count > 0)
                {
                    await WriteBatchAsync(batch).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception)
        {
            _logger.AppenderLoopFailed(exception);
            _stopping = true;
            _queue.Writer.TryComplete();
            var error = new EventLogException("The event log's appender failed; the append may have been written.", true, exception);
            batch.ForEach(p => p.Fail(error));
            refused += RefuseQueued();
        }
        _logger.AppenderStopped(refused);
    }

    private int RefuseQueued()
    {
        var refused = 0;
        while (_queue.Reader.TryRead(out var pending))
        {
            if (pending.TryTake())
            {
                pending.Fail(Refused());
                refused++;
            }
        }
        return refused;
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        IReadOnlyList<AppendResult> results;
        var now = _time.GetUtcNow();
        var occurredAt = now.AddTicks(-(now.Ticks % _writer.TimestampPrecision.Ticks));
        try
        {
            // Not cancellable: a transaction cut half-way would leave its callers with nothing but "outcome unknown".
            results = await _writer.WriteAsync(batch, occurredAt, CancellationToken.None).ConfigureAwait(false);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"The batch writer returned {results.Count} results for {batch.Count} appends.");
            }
        }
        catch (Exception exception)
        {
            FailBatch(batch, exception);
            return;
        }
        // Measured before any caller resumes, so a caller that has its result also finds its append counted.
        var lastPosition = 0L;
        var events = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var (pending, result) = (batch[i], results[i]);
            if (result.Succeeded)
            {
                lastPosition = Math.Max(lastPosition, result.LastPosition);
                events += pending.Events.Count;
            }
            else
            {
                _instruments.Conflicted();
            }
            _instruments.AppendCompleted(
                result.Succeeded ? AppendStatus.Committed : AppendStatus.Conflict, _time.GetElapsedTime(pending.EnqueuedAt));
        }
        _instruments.BatchWritten(batch.Count, AppendStatus.Committed);
        if (events > 0)
        {
            _instruments.EventsAppended(events);
        }
        Remember(batch, results, occurredAt);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(results[i]);
        }
        if (lastPosition > 0)
        {
            _logger.BatchCommitted(batch.Count, lastPosition);
            _doorbell.Ring(lastPosition);
        }
    }

    /// <summary>The committed events as readers will see them, into <see cref="Recent"/>, in position order.</summary>
    private void Remember(List<PendingAppend> batch, IReadOnlyList<AppendResult> results, DateTimeOffset occurredAt)
    {
        var committed = new List<EventEnvelope>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!results[i].Succeeded)
            {
                continue;
            }
            var events = batch[i].Events;
            for (var j = 0; j < events.Count; j++)
            {
                committed.Add(new EventEnvelope(results[i].FirstPosition + j, batch[i].Stream, results[i].ExpectedSequence + 1 + j,
                    events[j].Type, occurredAt, events[j].Data));
            }
        }
        committed.Sort(static (a, b) => a.Position.CompareTo(b.Position));
        Recent.Add(committed);
    }

    private void FailBatch(List<PendingAppend> batch, Exception exception)
    {
        var outcomeUnknown = exception is not EventLogException { OutcomeUnknown: false };
        var message = exception is EventLogException
            ? exception.Message
            : "The event log store failed while writing a batch; the append may have been written.";
        _logger.BatchFailed(batch.Count, outcomeUnknown, exception);
        _instruments.BatchWritten(batch.Count, AppendStatus.Failed);
        foreach (var pending in batch)
        {
            _instruments.AppendCompleted(AppendStatus.Failed, _time.GetElapsedTime(pending.EnqueuedAt));
        }
        foreach (var pending in batch)
        {
            // One exception per caller: the same instance thrown on several threads would share one stack trace.
            pending.Fail(new EventLogException(message, outcomeUnknown, exception));
        }
    }
}
