using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>A commitment as read.</summary>
[GenerateSerializer, Immutable, Alias("ph.CommitmentView")]
public sealed record CommitmentView(
    [property: Id(0)] int Number,
    [property: Id(1)] CooperationArea Area,
    [property: Id(2)] string Text,
    [property: Id(3)] AgencyCode ResponsibleParty,
    [property: Id(4)] DateTimeOffset DueAt,
    [property: Id(5)] CommitmentStatus Status,
    [property: Id(6)] DateTimeOffset? ClosedAt,
    [property: Id(7)] ImmutableArray<ProgressNote> Progress);
