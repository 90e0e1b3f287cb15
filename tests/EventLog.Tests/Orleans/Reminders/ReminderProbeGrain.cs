using Orleans;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Tests.Orleans;

public sealed class ReminderProbeGrain(ReminderProbe probe) : Grain, IReminderProbeGrain, IRemindable
{
    public Task Register(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Fired(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
