using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Remind(string name, TimeSpan dueTime, TimeSpan period);

    Task Forget(string name);

    Task<bool> Has(string name);

    /// <summary>A timer that lives with this activation; each tick is noted.</summary>
    Task StartTimer(TimeSpan dueTime, TimeSpan period);

    Task Deactivate();
}

public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain
{
    private int _ticks;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Note("deactivated:" + GrainKey);
        return Task.CompletedTask;
    }

    public Task Remind(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public Task Forget(string name) => UnregisterReminder(name);

    public async Task<bool> Has(string name) => await GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Note($"reminder:{GrainKey}:{reminderName}");
        probe.Note($"reminder:{GrainKey}:{reminderName}:{probe.Count($"reminder:{GrainKey}:{reminderName}")}");
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan dueTime, TimeSpan period)
    {
        RegisterGrainTimer(_ =>
        {
            _ticks++;
            probe.Note($"tick:{GrainKey}:{_ticks}");
            return Task.CompletedTask;
        }, dueTime, period);
        return Task.CompletedTask;
    }
}
