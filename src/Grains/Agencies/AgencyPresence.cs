using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agencies;

/// <summary>What the agency grain itself knows of its live status: consoles online now, when one was last seen, readiness.</summary>
[GenerateSerializer, Immutable, Alias("ph.AgencyPresence")]
public sealed record AgencyPresence(
    [property: Id(0)] int ConsolesOnline,
    [property: Id(1)] DateTimeOffset? LastSeen,
    [property: Id(2)] Readiness Readiness);
