using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>A timer owned by one activation. The next tick is scheduled only after the previous one finished.</summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly ActivationData _owner;
    private readonly TimeSpan _period;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _cancellation = new();
    private int _disposed;

    public GrainTimer(ActivationData owner, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer period must be positive or Timeout.InfiniteTimeSpan.");
        }
        _owner = owner;
        _period = period;
        Callback = callback;
        _timer = owner.Time.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, dueTime, Timeout.InfiniteTimeSpan);
    }

    public Func<CancellationToken, Task> Callback { get; }

    public CancellationToken Cancellation => _cancellation.Token;

    public void TickCompleted()
    {
        if (Volatile.Read(ref _disposed) == 0 && _period != Timeout.InfiniteTimeSpan)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
            _cancellation.Cancel();
            _cancellation.Dispose();
            _owner.RemoveTimer(this);
        }
    }

    private void OnTick()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        var context = new CallContext(RequestIds.Next(), null, DateTimeOffset.MaxValue, null, null);
        if (!_owner.Enqueue(new TimerWorkItem(this, _owner.GrainId, context)))
        {
            Dispose();
        }
    }
}
