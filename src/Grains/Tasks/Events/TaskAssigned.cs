using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>A task was assigned.</summary>
[GenerateSerializer, Immutable, Alias("task.assigned")]
public sealed record TaskAssigned(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] AgreementId Agreement,
    [property: Id(2)] AgencyCode RequestingAgency,
    [property: Id(3)] AgencyCode Assignee,
    [property: Id(4)] TaskKind Kind,
    [property: Id(5)] CooperationArea Area,
    [property: Id(6)] Priority Priority,
    [property: Id(7)] HandlingCode Handling,
    [property: Id(8)] string Title,
    [property: Id(9)] string Description,
    [property: Id(10)] DateTimeOffset AssignedAt,
    [property: Id(11)] DateTimeOffset AcknowledgeBy,
    [property: Id(12)] DateTimeOffset Deadline);
