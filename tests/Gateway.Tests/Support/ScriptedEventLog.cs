using PolicingHub.EventLog;
using PolicingHub.EventLog.InMemory;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>
/// src/EventLog's <see cref="InMemoryEventLog"/> (log and doorbell) with two knobs a feed test needs: an append whose
/// doorbell ring is held back (as if the ring were lost), and reads that fail as a store outage would. Events are
/// real domain events, encoded by <see cref="DomainEvents.Encode"/> and appended with their stream's expected sequence.
/// </summary>
internal sealed class ScriptedEventLog : IEventLog, IEventLogDoorbell
{
    private readonly InMemoryEventLog _log;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);
    private int _silent;
    private int _failingReads;

    public ScriptedEventLog(TimeProvider time)
    {
        _log = new InMemoryEventLog(time);
    }

    /// <summary>Completes when a read failed on purpose.</summary>
    public TaskCompletionSource ReadFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many coming reads (by position) fail.</summary>
    public int FailingReads
    {
        get
        {
            lock (_lock)
            {
                return _failingReads;
            }
        }
        set
        {
            lock (_lock)
            {
                _failingReads = value;
            }
        }
    }

    /// <summary>Appends <paramref name="sample"/> at its stream's next sequence; the log rings its doorbell unless <paramref name="ring"/> is false.</summary>
    public async Task<EventEnvelope> AppendAsync(SampleEvent sample, bool ring = true)
    {
        long expected;
        lock (_lock)
        {
            expected = _heads.GetValueOrDefault(sample.Stream);
            _heads[sample.Stream] = expected + 1;
        }
        if (!ring)
        {
            Interlocked.Increment(ref _silent);
        }
        AppendResult result;
        try
        {
            result = (await _log.AppendAsync(sample.Stream, expected, [DomainEvents.Encode(sample.Event)])).ThrowIfConflict(sample.Stream);
        }
        finally
        {
            if (!ring)
            {
                Interlocked.Decrement(ref _silent);
            }
        }
        return (await _log.ReadAsync(result.FirstPosition - 1, 1)).Single();
    }

    public Task<AppendResult> AppendAsync(string stream, long expectedSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        _log.AppendAsync(stream, expectedSequence, events, cancellationToken);

    public Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_failingReads > 0)
            {
                _failingReads--;
                ReadFailed.TrySetResult();
                return Task.FromException<IReadOnlyList<EventEnvelope>>(new EventLogException("store unavailable", outcomeUnknown: false));
            }
        }
        return _log.ReadAsync(afterPosition, maxCount, cancellationToken);
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        _log.ReadStreamAsync(stream, afterSequence, maxCount, cancellationToken);

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default) => _log.GetLastPositionAsync(cancellationToken);

    public IDisposable Subscribe(Action<long> committedUpTo) => _log.Subscribe(position =>
    {
        if (Volatile.Read(ref _silent) == 0)
        {
            committedUpTo(position);
        }
    });
}
