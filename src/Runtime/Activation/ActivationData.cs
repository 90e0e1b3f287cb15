using Microsoft.Extensions.Logging;
using PolicingHub.Runtime.Invocation;
using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Activation;

/// <summary>
/// One activation of one grain: admits calls one at a time in arrival order (read-only calls may overlap each other,
/// calls from the activation's own call chain re-enter), runs them, and hands waiting calls on when it deactivates.
/// This file holds the admission rules; ActivationData.Lifecycle.cs holds activation, deactivation and timers.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly object _lock = new();
    private readonly Queue<WorkItem> _waiting = new();
    private readonly List<CallContext> _running = new(2);
    private readonly ActivationServices _services;
    private int _runningExclusive;
    private ActivationStatus _status = ActivationStatus.Created;
    private DeactivationReason? _deactivation;
    private long _lastActiveTicks;
    private Grain? _grain;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, ActivationServices services)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        _services = services;
        _lastActiveTicks = services.Time.GetUtcNow().UtcTicks;
    }

    public GrainId GrainId { get; }

    public GrainClassInfo GrainClass { get; }

    public TimeProvider Time => _services.Time;

    public ILogger Logger => _services.Logger;

    public IGrainFactory GrainFactory => _services.GrainFactory;

    public IReminderRegistry Reminders => _services.Reminders;

    internal ActivationServices Services => _services;

    /// <summary>Admits a call to run on the caller's thread now, when nothing is ahead of it.</summary>
    public bool TryEnterInline(CallContext context, bool readOnly)
    {
        lock (_lock)
        {
            if (!CanStartLocked(context, readOnly, fromQueue: false))
            {
                return false;
            }
            AddRunningLocked(context, readOnly);
            return true;
        }
    }

    /// <summary>Queues a turn (or starts it when it may run now). False when this activation is gone: look it up again.</summary>
    public bool Enqueue(WorkItem item)
    {
        var start = false;
        CallContext? activation = null;
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return false;
            }
            if (CanStartLocked(item.Context, item.ReadOnly, fromQueue: false))
            {
                AddRunningLocked(item.Context, item.ReadOnly);
                start = true;
            }
            else
            {
                _waiting.Enqueue(item);
            }
            if (_status == ActivationStatus.Created)
            {
                _status = ActivationStatus.Activating;
                activation = new CallContext(RequestIds.Next(), null, Time.GetUtcNow() + _services.Options.DefaultCallTimeout, null, null);
                AddRunningLocked(activation, readOnly: false);
            }
        }
        if (activation is not null)
        {
            _ = ActivateAsync(activation);
        }
        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        }
        return true;
    }

    /// <summary>Ends a turn admitted with <see cref="TryEnterInline"/>.</summary>
    public void Exit(CallContext context, bool readOnly) => Exit(context, readOnly, countsAsActivity: true);

    public void Exit(WorkItem item) => Exit(item.Context, item.ReadOnly, item.CountsAsActivity);

    /// <summary>Runs one call as this activation's turn (with idempotency when the call carries a key).</summary>
    public Task<TResult> RunTurn<TResult>(MethodDescriptor<TResult> method, object?[] arguments, CallContext context)
        => context.IdempotencyKey is null
            ? Invoke(method, arguments, context)
            : _services.Idempotency.RunAsync(this, method, arguments, context);

    /// <summary>Calls the grain method with the call's context as the ambient one.</summary>
    public Task<TResult> Invoke<TResult>(MethodDescriptor<TResult> method, object?[] arguments, CallContext context)
    {
        var previous = CallContext.Current;
        CallContext.Current = context;
        try
        {
            return method.Invoke(_grain!, arguments);
        }
        finally
        {
            CallContext.Current = previous;
        }
    }

    private void Exit(CallContext context, bool readOnly, bool countsAsActivity)
    {
        List<WorkItem>? start = null;
        var deactivate = false;
        lock (_lock)
        {
            _running.Remove(context);
            if (!readOnly)
            {
                _runningExclusive--;
            }
            if (countsAsActivity)
            {
                _lastActiveTicks = Time.GetUtcNow().UtcTicks;
            }
            if (_running.Count == 0 && _deactivation is not null && _status == ActivationStatus.Valid)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
            else
            {
                start = TakeStartableLocked();
            }
        }
        StartAll(start);
        if (deactivate)
        {
            _ = DeactivateAsync(_deactivation!.Value);
        }
    }

    private bool CanStartLocked(CallContext context, bool readOnly, bool fromQueue)
    {
        if (IsReentrantLocked(context))
        {
            return true;
        }
        if (_status != ActivationStatus.Valid || _deactivation is not null || (!fromQueue && _waiting.Count > 0))
        {
            return false;
        }
        return readOnly ? _runningExclusive == 0 : _running.Count == 0;
    }

    /// <summary>A call whose call chain passes through a request running here would deadlock if queued: it re-enters.</summary>
    private bool IsReentrantLocked(CallContext context)
    {
        if (context.Caller is null || _running.Count == 0 || _grain is null
            || _status is not (ActivationStatus.Valid or ActivationStatus.Activating or ActivationStatus.Deactivating))
        {
            return false;
        }
        foreach (var running in _running)
        {
            if (context.Caller.ChainContains(running.RequestId))
            {
                return true;
            }
        }
        return false;
    }

    private void AddRunningLocked(CallContext context, bool readOnly)
    {
        context.Target = this;
        _running.Add(context);
        if (!readOnly)
        {
            _runningExclusive++;
        }
    }

    private List<WorkItem>? TakeStartableLocked()
    {
        List<WorkItem>? start = null;
        while (_waiting.TryPeek(out var next) && CanStartLocked(next.Context, next.ReadOnly, fromQueue: true))
        {
            _waiting.Dequeue();
            AddRunningLocked(next.Context, next.ReadOnly);
            (start ??= []).Add(next);
        }
        return start;
    }

    private static void StartAll(List<WorkItem>? items)
    {
        if (items is null)
        {
            return;
        }
        foreach (var item in items)
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        }
    }
}
