namespace PolicingHub.Grains.Tests.Support;

/// <summary>
/// The clock Orleans' reminder service sees: the test's hand-moved clock, plus a record of its timers, so
/// <see cref="ReminderWatch"/> can tell which timer a local reminder waits on and when that timer fired.
/// </summary>
/// <remarks>
/// <para>
/// Orleans arms a reminder's wait with <c>DelayUntilAsync</c> (read the time, then create the timer) and reports
/// <c>LocalReminderTickWaitArmed</c> right after, on the same thread and without reading the time in between. So the
/// timer created on a thread since that thread last read this clock is the one the reminder armed.
/// </para>
/// <para>
/// <c>Task.Delay</c> truncates its delay to whole milliseconds, and <c>DelayUntilAsync</c> loops until the clock has
/// reached its due time. A real clock moves on meanwhile; a frozen one would leave a waiter woken a fraction of a
/// millisecond early (Orleans staggers its first table refresh by a random, sub-millisecond span) spinning on
/// <c>Task.Delay(0)</c>. So code run by a timer's callback sees this clock <see cref="CallbackSlack"/> later.
/// </para>
/// </remarks>
internal sealed class ReminderClock(TimeProvider inner) : TimeProvider
{
    private static readonly TimeSpan CallbackSlack = TimeSpan.FromMilliseconds(1);

    [ThreadStatic]
    private static WatchedTimer? t_createdSinceLastRead;

    [ThreadStatic]
    private static bool t_inCallback;

    /// <summary>Called (on the thread moving the clock) just before a timer's callback runs.</summary>
    public Action<WatchedTimer>? Fired { get; set; }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <summary>The timer this clock created on the current thread since the thread last read the time, if any.</summary>
    public static WatchedTimer? CreatedOnThisThread => t_createdSinceLastRead;

    public override DateTimeOffset GetUtcNow()
    {
        t_createdSinceLastRead = null;
        var now = inner.GetUtcNow();
        return t_inCallback ? now + CallbackSlack : now;
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, callback, state);
        timer.Start(inner, dueTime, period);
        t_createdSinceLastRead = timer;
        return timer;
    }

    /// <summary>A timer of <see cref="ReminderClock"/>: reports its firing, then runs its callback.</summary>
    internal sealed class WatchedTimer(ReminderClock owner, TimerCallback callback, object? state) : ITimer
    {
        private ITimer? _inner;
        private int _fired;

        public ReminderClock Owner => owner;

        public bool HasFired => Volatile.Read(ref _fired) == 1;

        public void Start(TimeProvider clock, TimeSpan dueTime, TimeSpan period)
            => _inner = clock.CreateTimer(static s => ((WatchedTimer)s!).Fire(), this, dueTime, period);

        public bool Change(TimeSpan dueTime, TimeSpan period) => _inner!.Change(dueTime, period);

        public void Dispose() => _inner?.Dispose();

        public ValueTask DisposeAsync() => _inner?.DisposeAsync() ?? ValueTask.CompletedTask;

        private void Fire()
        {
            Volatile.Write(ref _fired, 1);
            owner.Fired?.Invoke(this);
            var outer = t_inCallback;
            t_inCallback = true;
            try
            {
                callback(state);
            }
            finally
            {
                t_inCallback = outer;
            }
        }
    }
}
