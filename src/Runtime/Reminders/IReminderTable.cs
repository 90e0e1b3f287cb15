namespace PolicingHub.Runtime.Reminders;

/// <summary>The durable reminder table: one row per (grain, reminder name).</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the row; returns it with its new ETag.</summary>
    Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the row; false when there was none.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);
}
