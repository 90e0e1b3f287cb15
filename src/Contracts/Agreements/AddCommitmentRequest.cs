namespace PolicingHub.Contracts.Agreements;

/// <summary>POST /api/agreements/{id}/commitments: a concrete commitment of one party, due at a time.</summary>
public sealed record AddCommitmentRequest(string? Area, string? Text, string? ResponsibleParty, DateTimeOffset? DueAt);
