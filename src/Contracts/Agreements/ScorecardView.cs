namespace PolicingHub.Contracts.Agreements;

/// <summary>An agreement's live scorecard (GET /api/agreements/{id}/scorecard). OnTimePercent is null until something was closed.</summary>
public sealed record ScorecardView(double? OnTimePercent, int Overdue, DateTimeOffset? NextDue, IReadOnlyList<PartyCountsView> Parties);
