using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicingHub.EventLog.Appending;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.InMemory;

/// <summary>
/// The event log in memory, for tests: one lock around every append and read, compare-and-swap on the expected
/// sequence, positions gapless in commit order. Each append is its own transaction (no group commit). Event data is
/// stored as a clone, so a caller disposing its JSON document changes nothing here. Rings its doorbell after each
/// append that commits.
/// </summary>
public sealed class InMemoryEventLog : IEventLog, IEventLogDoorbell
{
    private readonly object _lock = new();
    private readonly List<EventEnvelope> _events = [];
    private readonly Dictionary<string, List<EventEnvelope>> _streams = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly EventLogInstruments _instruments;
    private readonly InProcessDoorbell _doorbell;

    /// <param name="timeProvider">Stamps each event's OccurredAt.</param>
    /// <param name="meterFactory">Creates the log's meter (store tag "memory"); null records no metrics.</param>
    /// <param name="logger">Reports doorbell subscribers that throw.</param>
    public InMemoryEventLog(TimeProvider timeProvider, IMeterFactory? meterFactory = null, ILogger<InMemoryEventLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _instruments = meterFactory is null ? EventLogInstruments.None : new EventLogInstruments(meterFactory, "memory");
        _doorbell = new InProcessDoorbell((ILogger?)logger ?? NullLogger.Instance);
    }

    public Task<AppendResult> AppendAsync(
        string stream, long expectedSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        var copy = AppendArguments.Validate(stream, expectedSequence, events);
        cancellationToken.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        AppendResult result;
        lock (_lock)
        {
            var committed = _streams.TryGetValue(stream, out var existing) ? existing : null;
            var head = committed?.Count ?? 0;
            if (head != expectedSequence)
            {
                result = AppendResult.Conflict(expectedSequence, head);
            }
            else
            {
                committed ??= _streams[stream] = [];
                var occurredAt = _time.GetUtcNow();
                var first = _events.Count + 1;
                for (var i = 0; i < copy.Length; i++)
                {
                    var envelope = new EventEnvelope(first + i, stream, head + 1 + i, copy[i].Type, occurredAt, copy[i].Data.Clone());
                    _events.Add(envelope);
                    committed.Add(envelope);
                }
                result = AppendResult.Success(expectedSequence, head + copy.Length, first, _events.Count);
            }
        }
        Record(result, copy.Length, started);
        if (result.Succeeded)
        {
            _doorbell.Ring(result.LastPosition);
        }
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        AppendArguments.ValidateRead(afterPosition, maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // Position p sits at index p-1: the list is gapless from 1.
            var start = (int)Math.Min(afterPosition, _events.Count);
            var count = Math.Min(maxCount, _events.Count - start);
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(_events.GetRange(start, count));
        }
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        AppendArguments.ValidateRead(afterSequence, maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_streams.TryGetValue(stream, out var events))
            {
                return Task.FromResult<IReadOnlyList<EventEnvelope>>([]);
            }
            var start = (int)Math.Min(afterSequence, events.Count);
            var count = Math.Min(maxCount, events.Count - start);
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(events.GetRange(start, count));
        }
    }

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult((long)_events.Count);
        }
    }

    public IDisposable Subscribe(Action<long> committedUpTo) => _doorbell.Subscribe(committedUpTo);

    private void Record(AppendResult result, int events, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        if (result.Succeeded)
        {
            _instruments.EventsAppended(events);
        }
        else
        {
            _instruments.Conflicted();
        }
        _instruments.BatchWritten(1, AppendStatus.Committed);
        _instruments.AppendCompleted(result.Succeeded ? AppendStatus.Committed : AppendStatus.Conflict, elapsed);
    }
}
