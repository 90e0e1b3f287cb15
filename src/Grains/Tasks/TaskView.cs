using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A cooperation task as read.</summary>
[GenerateSerializer, Immutable, Alias("ph.TaskView")]
public sealed record TaskView(
    [property: Id(0)] TaskId Id,
    [property: Id(1)] AgreementId Agreement,
    [property: Id(2)] AgencyCode RequestingAgency,
    [property: Id(3)] AgencyCode Assignee,
    [property: Id(4)] TaskKind Kind,
    [property: Id(5)] CooperationArea Area,
    [property: Id(6)] Priority Priority,
    [property: Id(7)] HandlingCode Handling,
    [property: Id(8)] string Title,
    [property: Id(9)] string Description,
    [property: Id(10)] CooperationTaskStatus Status,
    [property: Id(11)] DateTimeOffset AssignedAt,
    [property: Id(12)] DateTimeOffset AcknowledgeBy,
    [property: Id(13)] DateTimeOffset Deadline,
    [property: Id(14)] string? Officer,
    [property: Id(15)] DateTimeOffset? Eta,
    [property: Id(16)] string? DeclineReason,
    [property: Id(17)] string? Outcome,
    [property: Id(18)] string? CancelReason,
    [property: Id(19)] int EscalationLevel,
    [property: Id(20)] ImmutableArray<TaskUpdate> Updates);
