namespace PolicingHub.Runtime.Storage;

/// <summary>A state record as stored: the JSON payload and its ETag.</summary>
/// <param name="Payload">
/// The JSON payload; null for a tombstone: the record was cleared, so there is no state, but its ETag lives on and
/// keeps advancing, so an ETag never repeats for a record.
/// </param>
/// <param name="ETag">The current ETag; the next write must expect exactly this value.</param>
public sealed record StoredState(string? Payload, string ETag);
