using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agencies;

/// <summary>An agency as its grain knows it: profile and presence. Its agreements and open tasks are read models (the gateway's).</summary>
[GenerateSerializer, Immutable, Alias("ph.AgencyProfile")]
public sealed record AgencyProfile(
    [property: Id(0)] AgencyCode Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Country,
    [property: Id(3)] string HomeRegion,
    [property: Id(4)] ImmutableArray<string> Languages,
    [property: Id(5)] ImmutableArray<CooperationArea> Capabilities,
    [property: Id(6)] ImmutableArray<LiaisonContact> Contacts,
    [property: Id(7)] AgencyPresence Presence,
    [property: Id(8)] DateTimeOffset RegisteredAt);
