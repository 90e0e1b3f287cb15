namespace PolicingHub.Runtime.Events;

/// <summary>
/// In-process doorbell: told of every batch of events right after it commits. Subscribers that must not miss
/// anything read the <see cref="IEventLog"/> from their last position; the notification only says "there is more".
/// </summary>
public interface IEventBus
{
    void Publish(IReadOnlyList<EventEnvelope> committed);

    IDisposable Subscribe(Action<IReadOnlyList<EventEnvelope>> onCommitted);
}
