using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>An agreement's live scorecard. OnTimePercent is null until something was closed.</summary>
public sealed record Scorecard(
    double? OnTimePercent,
    int Overdue,
    DateTimeOffset? NextDue,
    ImmutableArray<PartyCounts> Parties);
