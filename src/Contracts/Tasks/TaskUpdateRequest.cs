namespace PolicingHub.Contracts.Tasks;

/// <summary>POST /api/tasks/{id}/updates: a progress update (the first moves an accepted task to in progress).</summary>
public sealed record TaskUpdateRequest(string? Text);
