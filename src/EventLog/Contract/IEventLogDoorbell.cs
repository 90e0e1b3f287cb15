namespace PolicingHub.EventLog;

/// <summary>
/// Rings after events commit, with the last committed position it knows of. It only wakes readers: a reader that must
/// not miss anything reads the <see cref="IEventLog"/> from its own position (and polls on a timer as well).
/// </summary>
public interface IEventLogDoorbell
{
    IDisposable Subscribe(Action<long> committedUpTo);
}
