namespace PolicingHub.Contracts.Agreements;

/// <summary>POST /api/agreements/{id}/activate|suspend|resume|terminate|expire: a reason (required to suspend or terminate).</summary>
public sealed record StatusChangeRequest(string? Reason);
