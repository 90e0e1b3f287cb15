namespace PolicingHub.Contracts.Agreements;

/// <summary>A response clause; durations are ISO 8601 ("PT8H", "P3D") or "hh:mm:ss" / "d.hh:mm:ss".</summary>
public sealed record ResponseClauseRequest(string? Area, string? Priority, string? AcknowledgeWithin, string? AnswerWithin);
