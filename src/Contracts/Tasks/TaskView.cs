namespace PolicingHub.Contracts.Tasks;

/// <summary>
/// A cooperation task as GET /api/tasks[/{id}] and every task command return it. Ids and enum members travel as their
/// names (see <see cref="Vocabulary"/>); times are UTC offsets.
/// </summary>
public sealed record TaskView(
    string Id,
    string Agreement,
    string RequestingAgency,
    string Assignee,
    string Kind,
    string Area,
    string Priority,
    string Handling,
    string Title,
    string Description,
    string Status,
    DateTimeOffset AssignedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset Deadline,
    string? Officer,
    DateTimeOffset? Eta,
    string? DeclineReason,
    string? Outcome,
    string? CancelReason,
    int EscalationLevel,
    IReadOnlyList<TaskUpdateView> Updates);
