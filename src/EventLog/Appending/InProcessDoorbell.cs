using Microsoft.Extensions.Logging;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Appending;

/// <summary>
/// The in-process doorbell of one store: rung by the store after each commit, it calls every subscriber with the
/// highest committed position it has been told of. Subscribers must be quick and must not block (signal a reader,
/// nothing more); one that throws is logged and the others are still called. A ring that does not raise the highest
/// position rung so far is dropped (with several writers, the same commit can be announced twice: by the writer and by
/// the store's notification). Two rings racing may reach a subscriber out of order, so a subscriber keeps the maximum
/// it has seen.
/// </summary>
internal sealed class InProcessDoorbell(ILogger logger) : IEventLogDoorbell
{
    private readonly object _lock = new();
    private Action<long>[] _subscribers = [];
    private long _highest;

    /// <summary>The highest committed position rung so far (0 before the first ring).</summary>
    public long Highest => Volatile.Read(ref _highest);

    public IDisposable Subscribe(Action<long> committedUpTo)
    {
        ArgumentNullException.ThrowIfNull(committedUpTo);
        lock (_lock)
        {
            Volatile.Write(ref _subscribers, [.. _subscribers, committedUpTo]);
        }
        return new Subscription(this, committedUpTo);
    }

    /// <summary>Tells every subscriber that the log is committed up to at least <paramref name="position"/>.</summary>
    public void Ring(long position)
    {
        if (!TryRaise(position))
        {
            return; // already rung with this position or a later one
        }
        var highest = position;
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(highest);
            }
            catch (Exception exception)
            {
                logger.DoorbellSubscriberFailed(highest, exception);
            }
        }
    }

    /// <summary>Raises the highest position rung to <paramref name="position"/>; false when it already was that high.</summary>
    private bool TryRaise(long position)
    {
        var seen = Volatile.Read(ref _highest);
        while (position > seen)
        {
            var previous = Interlocked.CompareExchange(ref _highest, position, seen);
            if (previous == seen)
            {
                return true;
            }
            seen = previous;
        }
        return false;
    }

    private void Unsubscribe(Action<long> subscriber)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_subscribers, subscriber);
            if (index >= 0)
            {
                Volatile.Write(ref _subscribers, [.. _subscribers[..index], .. _subscribers[(index + 1)..]]);
            }
        }
    }

    private sealed class Subscription(InProcessDoorbell doorbell, Action<long> subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                doorbell.Unsubscribe(subscriber);
            }
        }
    }
}
