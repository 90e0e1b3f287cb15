using PolicingHub.Runtime.Events;

namespace PolicingHub.Runtime.Storage;

/// <summary>The result of a committed write: the new ETag and the events as committed (with sequence and position).</summary>
public sealed record WriteOutcome(string ETag, IReadOnlyList<EventEnvelope> Events);
