using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>Assigns a task under an active agreement to one party (coordinators only). The deadline comes from the agreement's clause unless overridden.</summary>
[GenerateSerializer, Immutable, Alias("ph.AssignTask")]
public sealed record AssignTask(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] AgreementId Agreement,
    [property: Id(2)] AgencyCode RequestingAgency,
    [property: Id(3)] AgencyCode Assignee,
    [property: Id(4)] TaskKind Kind,
    [property: Id(5)] CooperationArea Area,
    [property: Id(6)] Priority Priority,
    [property: Id(7)] HandlingCode Handling,
    [property: Id(8)] string Title,
    [property: Id(9)] string Description,
    [property: Id(10)] DateTimeOffset? DeadlineOverride);
