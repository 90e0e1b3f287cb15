namespace PolicingHub.Runtime.Cluster;

/// <summary>
/// The silos this silo believes active, and the version of that view. Seam for the cluster: one silo today; a
/// membership table with compare-and-swap in the cluster store later (DESIGN.md §4.6).
/// </summary>
public interface IClusterMembership
{
    SiloDescriptor LocalSilo { get; }

    long Version { get; }

    IReadOnlyList<SiloDescriptor> ActiveSilos { get; }
}
