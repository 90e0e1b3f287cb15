namespace PolicingHub.Runtime.Idempotency;

/// <summary>A recorded command: the method it was sent to and its outcome (null while pending: effect committed, result not yet recorded).</summary>
public sealed record CommandRecord(string Method, CommandOutcome? Outcome);
