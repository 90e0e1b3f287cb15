using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agencies;

/// <summary>Registers a partner agency (coordinators only). The country comes from the agency code.</summary>
public sealed record RegisterAgency(
    Actor Actor,
    string Name,
    string HomeRegion,
    ImmutableArray<string> Languages,
    ImmutableArray<CooperationArea> Capabilities,
    ImmutableArray<LiaisonContact> Contacts);
