using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agencies.Events;

/// <summary>An agency's presence changed: consoles online, last seen, readiness. Open-task and overdue counts are read models.</summary>
[GenerateSerializer, Immutable, Alias("agency.status-changed")]
public sealed record AgencyStatusChanged(
    [property: Id(0)] AgencyCode Agency,
    [property: Id(1)] AgencyPresence Status);
