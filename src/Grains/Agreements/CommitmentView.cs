using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>A commitment as read.</summary>
public sealed record CommitmentView(
    int Number,
    CooperationArea Area,
    string Text,
    AgencyCode ResponsibleParty,
    DateTimeOffset DueAt,
    CommitmentStatus Status,
    DateTimeOffset? ClosedAt,
    ImmutableArray<ProgressNote> Progress);
