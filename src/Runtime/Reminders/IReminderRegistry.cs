namespace PolicingHub.Runtime.Reminders;

/// <summary>What a grain uses to manage its reminders: writes the table and (re)schedules the tick.</summary>
public interface IReminderRegistry
{
    Task RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(GrainId grainId, string name);

    Task<ReminderEntry?> GetAsync(GrainId grainId, string name);
}
