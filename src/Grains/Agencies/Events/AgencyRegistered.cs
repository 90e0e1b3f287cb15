using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies.Events;

/// <summary>An agency was registered.</summary>
[GenerateSerializer, Immutable, Alias("agency.registered")]
public sealed record AgencyRegistered(
    [property: Id(0)] AgencyCode Agency,
    [property: Id(1)] string Name,
    [property: Id(2)] string Country,
    [property: Id(3)] string HomeRegion,
    [property: Id(4)] ImmutableArray<string> Languages,
    [property: Id(5)] ImmutableArray<CooperationArea> Capabilities,
    [property: Id(6)] ImmutableArray<LiaisonContact> Contacts,
    [property: Id(7)] DateTimeOffset RegisteredAt);
