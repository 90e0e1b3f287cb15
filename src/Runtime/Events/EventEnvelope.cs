using System.Text.Json;

namespace PolicingHub.Runtime.Events;

/// <summary>A committed event: global position (gapless, commit order), stream (the grain id), per-stream sequence (from 1).</summary>
public sealed record EventEnvelope(
    long Position,
    string Stream,
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    JsonElement Data);
