using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Projections;

/// <summary>An agency's live status as consoles show it: presence from its grain, counts from the read models.</summary>
public sealed record AgencyLiveStatus(
    int ConsolesOnline,
    DateTimeOffset? LastSeen,
    Readiness Readiness,
    int OpenTasks,
    int OverdueCommitments);
