namespace PolicingHub.EventLog;

/// <summary>
/// Reads what the store itself holds now, never a cached copy: for verifying the store (the audit chain), where
/// <see cref="IEventLog.ReadAsync"/> may answer from the events this process committed lately.
/// </summary>
public interface IEventLogStoreReader
{
    Task<IReadOnlyList<EventEnvelope>> ReadFromStoreAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);
}
