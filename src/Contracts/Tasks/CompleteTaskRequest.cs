namespace PolicingHub.Contracts.Tasks;

/// <summary>POST /api/tasks/{id}/complete: the outcome.</summary>
public sealed record CompleteTaskRequest(string? Outcome);
