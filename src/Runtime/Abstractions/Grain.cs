using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Activation;

namespace PolicingHub.Runtime;

/// <summary>Base class of grain implementations: identity, other grains, timers, reminders, lifecycle hooks.</summary>
public abstract class Grain
{
    private IGrainContext? _context;

    internal IGrainContext Context => _context ?? throw new InvalidOperationException(
        "The grain is not activated yet: use its members from OnActivateAsync or a grain method, not its constructor.");

    internal void Attach(IGrainContext context) => _context = context;

    public GrainId GrainId => Context.GrainId;

    public string GrainKey => Context.GrainId.Key;

    public IGrainFactory GrainFactory => Context.GrainFactory;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate this activation once the current call finishes.</summary>
    protected void DeactivateOnIdle() => Context.RequestDeactivation(DeactivationReason.Requested);

    /// <summary>A timer that lives with this activation; each tick runs as its own turn, never interleaved with calls.</summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
        => Context.RegisterTimer(callback, dueTime, period);

    /// <summary>A durable reminder; <paramref name="period"/> of <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
    protected Task RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
        => Context.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);

    protected Task UnregisterReminder(string reminderName) => Context.Reminders.UnregisterAsync(GrainId, reminderName);

    protected Task<ReminderEntry?> GetReminder(string reminderName) => Context.Reminders.GetAsync(GrainId, reminderName);
}
