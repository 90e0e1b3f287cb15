namespace PolicingHub.Contracts.Tasks;

/// <summary>POST /api/tasks/{id}/acknowledge: the officer handling it and when an answer can be expected.</summary>
public sealed record AcknowledgeTaskRequest(string? Officer, DateTimeOffset? Eta);
