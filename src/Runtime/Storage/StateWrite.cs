using PolicingHub.Runtime.Events;

namespace PolicingHub.Runtime.Storage;

/// <summary>One conditional write: new payload, the ETag it must replace, events to append and the command it belongs to.</summary>
/// <param name="ExpectedETag">
/// The ETag read, last written or returned by a clear; null when the record must never have existed (a tombstone left by a
/// clear counts as existing).
/// </param>
/// <param name="Events">Appended to the stream named by the grain id, in order, in the same transaction.</param>
/// <param name="Command">When the call carries an idempotency key: recorded as pending in the same transaction.</param>
public sealed record StateWrite(
    GrainId GrainId,
    string StateName,
    string? ExpectedETag,
    string Payload,
    IReadOnlyList<PendingEvent> Events,
    DateTimeOffset Timestamp,
    CommandKey? Command = null);
