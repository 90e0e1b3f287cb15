using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace PolicingHub.Grains.Placement;

/// <summary>
/// The director a host without regions gets (one silo, the test cluster): every candidate stays. The silo host's
/// region director replaces it (src/Silo/Regions).
/// </summary>
internal sealed class AnySiloPlacementFilterDirector : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos) => silos;
}
