using System.Text.Json;

namespace PolicingHub.EventLog;

/// <summary>
/// A committed event: its global position (gapless, in commit order), its stream (e.g. "task/T-1"), its sequence in
/// that stream (from 1), its stable type name, when the log recorded it, and its data (JSON).
/// </summary>
public sealed record EventEnvelope(
    long Position,
    string Stream,
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    JsonElement Data);
