using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Runtime.Invocation;

/// <summary>
/// Fails waiting calls whose deadline passed, with one periodic sweep per silo instead of a timer per call.
/// Answered calls are dropped at the next sweep; precision is the sweep interval. The sweep runs only while calls wait.
/// </summary>
internal sealed class CallDeadlines : IDisposable
{
    private readonly ConcurrentQueue<IPendingCall> _pending = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly TimeSpan _interval;
    private readonly object _armLock = new();
    private volatile bool _armed;
    private int _sweeping;

    public CallDeadlines(TimeProvider time, IOptions<RuntimeOptions> options)
    {
        _time = time;
        _interval = options.Value.DeadlineSweepInterval;
        _timer = time.CreateTimer(static s => ((CallDeadlines)s!).Sweep(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Track(IPendingCall call)
    {
        _pending.Enqueue(call);
        if (_armed)
        {
            return;
        }
        lock (_armLock)
        {
            if (!_armed)
            {
                _armed = true;
                _timer.Change(_interval, _interval);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }
        try
        {
            var now = _time.GetUtcNow();
            for (var count = _pending.Count; count > 0 && _pending.TryDequeue(out var call); count--)
            {
                if (call.IsCompleted)
                {
                    continue;
                }
                if (call.Deadline <= now)
                {
                    call.Expire();
                }
                else
                {
                    _pending.Enqueue(call);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
        lock (_armLock)
        {
            // Disarm when nothing waits; a Track after this check sees _armed false and arms again.
            if (_pending.IsEmpty)
            {
                _armed = false;
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
