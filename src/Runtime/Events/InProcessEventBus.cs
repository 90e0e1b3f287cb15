namespace PolicingHub.Runtime.Events;

/// <summary>The in-process doorbell. A failing subscriber never fails the write that published.</summary>
internal sealed class InProcessEventBus : IEventBus
{
    private volatile Action<IReadOnlyList<EventEnvelope>>[] _subscribers = [];
    private readonly object _lock = new();

    public void Publish(IReadOnlyList<EventEnvelope> committed)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(committed);
            }
            catch
            {
                // Subscribers catch up from the log; a broken one must not turn a committed write into an error.
            }
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<EventEnvelope>> onCommitted)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, onCommitted];
        }
        return new Subscription(this, onCommitted);
    }

    private void Unsubscribe(Action<IReadOnlyList<EventEnvelope>> onCommitted)
    {
        lock (_lock)
        {
            _subscribers = _subscribers.Where(s => s != onCommitted).ToArray();
        }
    }

    private sealed class Subscription(InProcessEventBus bus, Action<IReadOnlyList<EventEnvelope>> onCommitted) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(onCommitted);
    }
}
