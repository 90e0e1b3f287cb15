using Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>A grain that registers one reminder and reports each tick to the silo's <see cref="ReminderProbe"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Register(string reminderName, TimeSpan dueTime, TimeSpan period);
}
