using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace PolicingHub.Silo.Regions;

/// <summary>
/// Keeps, of Orleans' candidate silos for a new activation (or a migration), the ones in the grain's home region; all
/// of them when the home region is unknown or has no candidate (an empty result would fail the call). Draining silos
/// are dropped first unless nothing else is left. Orleans' default placement then balances among what remains.
/// </summary>
internal sealed class HomeRegionPlacementFilterDirector(IGrainHomeRegions homes, ISiloMetadataCache metadata, SiloDrains drains)
    : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos as IReadOnlyCollection<SiloAddress> ?? silos.ToList();
        if (drains.Any && candidates.Where(s => !drains.IsDraining(s)).ToList() is { Count: > 0 } serving)
        {
            candidates = serving;
        }
        var home = homes.HomeRegionOf(target.GrainIdentity);
        if (home is null)
        {
            return candidates;
        }
        var inRegion = candidates.Where(s => SiloRegions.Same(metadata.RegionOf(s), home)).ToList();
        return inRegion.Count > 0 ? inRegion : candidates;
    }
}
