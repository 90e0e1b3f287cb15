using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Adds a concrete commitment with a due date (coordinators only).</summary>
[GenerateSerializer, Immutable, Alias("ph.AddCommitment")]
public sealed record AddCommitment(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] CooperationArea Area,
    [property: Id(2)] string Text,
    [property: Id(3)] AgencyCode ResponsibleParty,
    [property: Id(4)] DateTimeOffset DueAt);
