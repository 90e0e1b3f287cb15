using PolicingHub.EventLog;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>
/// The silo's event log: passes everything to the in-memory log, except that the next append to a stream named by
/// <see cref="FailNextAppendTo"/> fails as a store error would (nothing written, <see cref="EventLogException"/>).
/// </summary>
public sealed class FaultyEventLog(IEventLog inner) : IEventLog
{
    private readonly object _lock = new();
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);

    /// <summary>Makes the next append to <paramref name="stream"/> throw, once.</summary>
    public void FailNextAppendTo(string stream)
    {
        lock (_lock)
        {
            _failing.Add(stream);
        }
    }

    public Task<AppendResult> AppendAsync(string stream, long expectedSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_failing.Remove(stream))
            {
                throw new EventLogException($"injected store failure appending to {stream}", outcomeUnknown: false);
            }
        }
        return inner.AppendAsync(stream, expectedSequence, events, cancellationToken);
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
        => inner.ReadAsync(afterPosition, maxCount, cancellationToken);

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
        => inner.ReadStreamAsync(stream, afterSequence, maxCount, cancellationToken);

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default) => inner.GetLastPositionAsync(cancellationToken);
}
