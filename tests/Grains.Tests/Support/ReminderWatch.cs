using Orleans.Reminders.Diagnostics;
using static PolicingHub.Grains.Tests.Support.ReminderClock;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>
/// Follows the local reminders of one silo through Orleans' reminder diagnostics (<see cref="ReminderEvents"/>) and
/// the <see cref="ReminderClock"/>: a reminder is <em>armed</em> once it waits on a timer that has not fired yet, and
/// <em>busy</em> from its start, a schedule change or its timer firing until it arms again (or stops). The silo is
/// settled when every local reminder is armed: each due tick has been delivered, and its effects are in the log.
/// </summary>
internal sealed class ReminderWatch : IObserver<ReminderEvents.ReminderEvent>, IObserver<ReminderEvents.ReminderServiceEvent>, IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<object, Local> _locals = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SiloAddress> _started = [];
    private readonly ReminderClock _clock;
    private readonly IDisposable _reminders;
    private readonly IDisposable _service;
    private TaskCompletionSource _changed = NewSignal();
    private SiloAddress? _silo;

    public ReminderWatch(ReminderClock clock)
    {
        _clock = clock;
        _clock.Fired = OnFired;
        _reminders = ReminderEvents.AllEvents.Subscribe(this);
        _service = ReminderEvents.ServiceEvents.Subscribe(this);
    }

    /// <summary>Completes once the reminder service of <paramref name="silo"/> has started (from then on, only its reminders count).</summary>
    public Task Started(SiloAddress silo)
    {
        lock (_lock)
        {
            _silo = silo;
        }
        return Until(() => _started.Contains(silo), () => $"the reminder service of {silo} did not start");
    }

    /// <summary>Completes once every local reminder of the silo waits on a timer that has not fired.</summary>
    public Task Settled() => Until(
        () => Ours().All(l => l.Wait is { HasFired: false }),
        () => "reminders still being delivered or re-armed: "
              + string.Join(", ", Ours().Where(l => l.Wait is not { HasFired: false }).Select(l => $"{l.Grain}/{l.Name}")));

    private IEnumerable<Local> Ours() => _locals.Values.Where(l => _silo is not null && _silo.Equals(l.Silo));

    public void OnNext(ReminderEvents.ReminderServiceEvent value)
    {
        if (value is ReminderEvents.ReminderServiceStarted { SiloAddress: { } silo })
        {
            Change(() => _started.Add(silo));
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        // Read before any filtering: the armed timer is only known on the emitting thread, now.
        var created = CreatedOnThisThread;
        Change(() =>
        {
            // Every silo's reminders are kept (this process runs several test silos at once), including those started before
            // Started(silo) named ours: a reminder registered by a silo's startup task starts while the cluster deploys.
            switch (value)
            {
                case ReminderEvents.LocalReminderStarted e:
                    _locals[e.Identity] = new Local(e.SiloAddress, e.GrainId, e.ReminderName);
                    break;
                case ReminderEvents.LocalReminderScheduleChanged e when _locals.TryGetValue(e.Identity, out var local):
                    local.Version = Math.Max(local.Version, e.ScheduleVersion);
                    local.Wait = null;
                    break;
                case ReminderEvents.LocalReminderTickWaitArmed e when _locals.TryGetValue(e.Identity, out var local) && e.ScheduleVersion >= local.Version:
                    // No timer of ours: the wait was already over when armed (the tick is on its way).
                    local.Wait = created is not null && ReferenceEquals(created.Owner, _clock) ? created : null;
                    break;
                case ReminderEvents.LocalReminderStopped e:
                    _locals.Remove(e.Identity);
                    break;
            }
        });
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _reminders.Dispose();
        _service.Dispose();
        _clock.Fired = null;
    }

    private void OnFired(WatchedTimer timer) => Change(() =>
    {
        foreach (var local in _locals.Values.Where(l => ReferenceEquals(l.Wait, timer)))
        {
            local.Wait = null;
        }
    });

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            change();
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private async Task Until(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + Eventually.Limit;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition())
                {
                    return;
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                lock (_lock)
                {
                    Assert.Fail(failure());
                }
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Local(SiloAddress? silo, GrainId grain, string name)
    {
        public SiloAddress? Silo { get; } = silo;

        public GrainId Grain { get; } = grain;

        public string Name { get; } = name;

        public long Version { get; set; }

        public WatchedTimer? Wait { get; set; }
    }
}
