using System.Collections.Immutable;

namespace PolicingHub.Gateway.Projections;

/// <summary>An agreement's live scorecard. OnTimePercent is null until something was closed.</summary>
public sealed record Scorecard(
    double? OnTimePercent,
    int Overdue,
    DateTimeOffset? NextDue,
    ImmutableArray<PartyCounts> Parties);
