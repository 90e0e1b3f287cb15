using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>Assigns a task under an active agreement to one party (coordinators only). The deadline comes from the agreement's clause unless overridden.</summary>
public sealed record AssignTask(
    Actor Actor,
    AgreementId Agreement,
    AgencyCode RequestingAgency,
    AgencyCode Assignee,
    TaskKind Kind,
    CooperationArea Area,
    Priority Priority,
    HandlingCode Handling,
    string Title,
    string Description,
    DateTimeOffset? DeadlineOverride);
