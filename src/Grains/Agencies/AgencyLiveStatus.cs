using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>An agency's live status as consoles show it.</summary>
public sealed record AgencyLiveStatus(
    int ConsolesOnline,
    DateTimeOffset? LastSeen,
    Readiness Readiness,
    int OpenTasks,
    int OverdueCommitments);
