namespace PolicingHub.Contracts.Agreements;

/// <summary>POST …/commitments/{n}/progress (note required) or …/fulfil (note optional).</summary>
public sealed record CommitmentNoteRequest(string? Note);
