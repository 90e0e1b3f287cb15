using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>Activation, deactivation, idle collection and timers of an activation.</summary>
internal sealed partial class ActivationData
{
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<GrainTimer>? _timers;
    private IReadOnlyList<IStateLifecycle> _states = [];

    /// <summary>Completes when this activation has been deactivated (or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    public void RequestDeactivation(DeactivationReason reason)
    {
        var deactivate = false;
        lock (_lock)
        {
            if (_deactivation is not null || _status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                return;
            }
            _deactivation = reason;
            if (_status == ActivationStatus.Created)
            {
                _status = ActivationStatus.Invalid;
                _deactivated.TrySetResult();
                _services.Catalog.Remove(this);
                return;
            }
            if (_status == ActivationStatus.Valid && _running.Count == 0)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
        }
        if (deactivate)
        {
            _ = DeactivateAsync(reason);
        }
    }

    /// <summary>Starts deactivation when nothing ran for <paramref name="age"/>; true when it started.</summary>
    public bool TryCollect(DateTimeOffset now, TimeSpan age)
    {
        lock (_lock)
        {
            if (_status != ActivationStatus.Valid || _running.Count > 0 || _waiting.Count > 0 || _deactivation is not null
                || now.UtcTicks - _lastActiveTicks < age.Ticks)
            {
                return false;
            }
            _deactivation = DeactivationReason.Idle;
            _status = ActivationStatus.Deactivating;
        }
        _ = DeactivateAsync(DeactivationReason.Idle);
        return true;
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_lock)
        {
            (_timers ??= []).Add(timer);
        }
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>Runs a timer callback as this activation's turn.</summary>
    internal Task RunTimerTurn(Func<CancellationToken, Task> callback, CallContext context, CancellationToken cancellation)
    {
        var previous = CallContext.Current;
        CallContext.Current = context;
        try
        {
            return callback(cancellation);
        }
        finally
        {
            CallContext.Current = previous;
        }
    }

    private async Task ActivateAsync(CallContext context)
    {
        CallContext.Current = context;
        try
        {
            (_grain, _states) = _services.Activator.Create(this);
            foreach (var state in _states)
            {
                await state.ReadStateAsync().ConfigureAwait(false);
            }
            using var cancellation = new CancellationTokenSource(_services.Options.DefaultCallTimeout, Time);
            await _grain.OnActivateAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RuntimeLog.ActivationFailed(Logger, GrainId, ex);
            FailActivation(ex);
            return;
        }
        _services.Metrics.Activations.Add(1);
        RuntimeLog.Activated(Logger, GrainId);
        lock (_lock)
        {
            _status = ActivationStatus.Valid;
        }
        Exit(context, readOnly: false, countsAsActivity: true);
    }

    private void FailActivation(Exception error)
    {
        List<WorkItem> waiting;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            waiting = [.. _waiting];
            _waiting.Clear();
        }
        _services.Catalog.Remove(this);
        _deactivated.TrySetResult();
        foreach (var item in waiting)
        {
            item.Reject(error);
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        List<GrainTimer>? timers;
        var context = new CallContext(RequestIds.Next(), null, Time.GetUtcNow() + _services.Options.DeactivationTimeout, null, null);
        lock (_lock)
        {
            timers = _timers is null ? null : [.. _timers];
            AddRunningLocked(context, readOnly: false);
        }
        timers?.ForEach(t => t.Dispose());
        CallContext.Current = context;
        try
        {
            using var cancellation = new CancellationTokenSource(_services.Options.DeactivationTimeout, Time);
            await _grain!.OnDeactivateAsync(reason, cancellation.Token)
                .WaitAsync(_services.Options.DeactivationTimeout, Time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RuntimeLog.DeactivationFailed(Logger, GrainId, ex);
        }
        _services.Catalog.Remove(this);
        List<WorkItem> waiting;
        lock (_lock)
        {
            _running.Remove(context);
            _runningExclusive--;
            _status = ActivationStatus.Invalid;
            waiting = [.. _waiting];
            _waiting.Clear();
        }
        _services.Metrics.Activations.Add(-1);
        RuntimeLog.Deactivated(Logger, GrainId, reason);
        _deactivated.TrySetResult();
        foreach (var item in waiting)
        {
            if (item.Forwardable)
            {
                _services.Dispatcher.Forward(item);
            }
        }
    }
}
