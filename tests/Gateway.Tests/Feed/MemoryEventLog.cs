using PolicingHub.Runtime.Events;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>An in-memory <see cref="IEventLog"/> with its doorbell, for feed unit tests. Positions must be appended in order.</summary>
internal sealed class MemoryEventLog : IEventLog, IEventBus
{
    private readonly Lock _lock = new();
    private readonly List<EventEnvelope> _events = [];
    private Action<IReadOnlyList<EventEnvelope>>[] _subscribers = [];

    public void Append(EventEnvelope envelope, bool ring)
    {
        lock (_lock)
        {
            if (envelope.Position != _events.Count + 1)
            {
                throw new InvalidOperationException($"Position {envelope.Position} is not next ({_events.Count + 1}).");
            }
            _events.Add(envelope);
        }
        if (ring)
        {
            Publish([envelope]);
        }
    }

    /// <summary>How many coming reads fail, as a store outage would.</summary>
    public int FailingReads { get; set; }

    /// <summary>Completes when a read failed on purpose.</summary>
    public TaskCompletionSource ReadFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (FailingReads > 0)
            {
                FailingReads--;
                ReadFailed.TrySetResult();
                return Task.FromException<IReadOnlyList<EventEnvelope>>(new IOException("store unavailable"));
            }
            var start = (int)Math.Clamp(afterPosition, 0, _events.Count);
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(_events.Skip(start).Take(maxCount).ToArray());
        }
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(
                _events.Where(e => e.Stream == stream && e.Sequence > afterSequence).Take(maxCount).ToArray());
        }
    }

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_events.Count);
        }
    }

    public void Publish(IReadOnlyList<EventEnvelope> committed)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber(committed);
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<EventEnvelope>> onCommitted)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, onCommitted];
        }
        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _subscribers = [.. _subscribers.Where(s => s != onCommitted)];
            }
        });
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
