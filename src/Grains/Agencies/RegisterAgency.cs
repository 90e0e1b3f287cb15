using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>Registers a partner agency (coordinators only). The country comes from the agency code.</summary>
[GenerateSerializer, Immutable, Alias("ph.RegisterAgency")]
public sealed record RegisterAgency(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Name,
    [property: Id(2)] string HomeRegion,
    [property: Id(3)] ImmutableArray<string> Languages,
    [property: Id(4)] ImmutableArray<CooperationArea> Capabilities,
    [property: Id(5)] ImmutableArray<LiaisonContact> Contacts);
