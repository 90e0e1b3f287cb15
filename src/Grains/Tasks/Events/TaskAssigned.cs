using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks.Events;

/// <summary>A task was assigned.</summary>
[EventName("task.assigned")]
public sealed record TaskAssigned(
    TaskId Task,
    AgreementId Agreement,
    AgencyCode RequestingAgency,
    AgencyCode Assignee,
    TaskKind Kind,
    CooperationArea Area,
    Priority Priority,
    HandlingCode Handling,
    string Title,
    string Description,
    DateTimeOffset AssignedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset Deadline);
