namespace PolicingHub.Contracts.Agreements;

/// <summary>POST …/commitments/{n}/waive: why the commitment no longer applies.</summary>
public sealed record WaiveCommitmentRequest(string? Reason);
