using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A cooperation task as read.</summary>
public sealed record TaskView(
    TaskId Id,
    AgreementId Agreement,
    AgencyCode RequestingAgency,
    AgencyCode Assignee,
    TaskKind Kind,
    CooperationArea Area,
    Priority Priority,
    HandlingCode Handling,
    string Title,
    string Description,
    CooperationTaskStatus Status,
    DateTimeOffset AssignedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset Deadline,
    string? Officer,
    DateTimeOffset? Eta,
    string? DeclineReason,
    string? Outcome,
    string? CancelReason,
    int EscalationLevel,
    ImmutableArray<TaskUpdate> Updates);
