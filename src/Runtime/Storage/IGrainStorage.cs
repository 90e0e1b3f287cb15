namespace PolicingHub.Runtime.Storage;

/// <summary>
/// Durable grain state with compare-and-swap on an ETag. A write commits the state, the events raised with it and
/// (when the call carries an idempotency key) the pending command record in one transaction: all or nothing.
/// </summary>
/// <remarks>
/// A record, once written or cleared, exists for good: clearing leaves a tombstone (no payload) whose ETag advances
/// like any write, so ETags never repeat for a record and an ETag read before a clear can never match again.
/// </remarks>
public interface IGrainStorage
{
    /// <summary>
    /// The stored state; a tombstone (<see cref="StoredState.Payload"/> null, with its ETag) when the record was cleared;
    /// null only when the record was never written or cleared.
    /// </summary>
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes when the stored ETag equals <see cref="StateWrite.ExpectedETag"/>; null means the record must never have
    /// existed (a tombstone counts as existing: write with its ETag instead). Returns the new ETag, which is always the
    /// next one. Throws <see cref="InconsistentStateException"/> otherwise, having written nothing.
    /// </summary>
    Task<WriteOutcome> WriteAsync(StateWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the record by a tombstone when the stored ETag equals <paramref name="expectedETag"/> (null: the record
    /// must never have existed; a tombstone counts as existing) and returns the tombstone's ETag, the next one. Throws
    /// <see cref="InconsistentStateException"/> otherwise, having changed nothing.
    /// </summary>
    Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default);
}
