namespace PolicingHub.Contracts.Tasks;

/// <summary>
/// POST /api/tasks: a cooperation task under an active agreement. Without an id the server names it "T-", the UTC date
/// (yyyyMMdd), "-" and 16 hex digits. The deadline comes from the agreement's response clause unless given.
/// </summary>
public sealed record AssignTaskRequest(
    string? Id,
    string? Agreement,
    string? RequestingAgency,
    string? Assignee,
    string? Kind,
    string? Area,
    string? Priority,
    string? Handling,
    string? Title,
    string? Description,
    DateTimeOffset? Deadline);
