using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies.Events;

/// <summary>An agency was registered.</summary>
[EventName("agency.registered")]
public sealed record AgencyRegistered(
    AgencyCode Agency,
    string Name,
    string Country,
    string HomeRegion,
    ImmutableArray<string> Languages,
    ImmutableArray<CooperationArea> Capabilities,
    ImmutableArray<LiaisonContact> Contacts,
    DateTimeOffset RegisteredAt);
