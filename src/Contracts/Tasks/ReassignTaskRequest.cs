namespace PolicingHub.Contracts.Tasks;

/// <summary>POST /api/tasks/{id}/reassign: the new assignee and why.</summary>
public sealed record ReassignTaskRequest(string? Assignee, string? Reason);
