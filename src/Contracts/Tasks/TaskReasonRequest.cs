namespace PolicingHub.Contracts.Tasks;

/// <summary>POST /api/tasks/{id}/decline (the assignee) or /cancel (a coordinator): why.</summary>
public sealed record TaskReasonRequest(string? Reason);
