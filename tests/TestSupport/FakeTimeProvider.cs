namespace PolicingHub.Testing;

/// <summary>A clock the test moves by hand. Advance fires every timer due on the way, in due order, at its due time.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;

    public FakeTimeProvider() : this(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }
        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _now = target;
                    return;
                }
                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }
                next.DueAt = next.Period is { } p && p > TimeSpan.Zero && p != Timeout.InfiniteTimeSpan ? next.DueAt + p : null;
            }
            next.Fire();
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private const double MaxMilliseconds = uint.MaxValue - 1;

        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // The same limits as the system's timers, so a test cannot pass on a delay the real clock refuses.
            ArgumentOutOfRangeException.ThrowIfGreaterThan(dueTime.TotalMilliseconds, MaxMilliseconds, nameof(dueTime));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(period.TotalMilliseconds, MaxMilliseconds, nameof(period));
            lock (owner._lock)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                Period = period;
                if (!owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }
            }
            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
