namespace PolicingHub.Runtime.Cluster;

/// <summary>The one-silo cluster: this silo is the only member and every grain is placed here.</summary>
internal sealed class SingleSiloCluster(TimeProvider time) : IClusterMembership, IPlacementDirector
{
    public SiloDescriptor LocalSilo { get; } = new(new SiloAddress("local", time.GetUtcNow().ToUnixTimeMilliseconds()), "local");

    public long Version => 1;

    public IReadOnlyList<SiloDescriptor> ActiveSilos => [LocalSilo];

    public SiloAddress Place(GrainId grainId) => LocalSilo.Address;
}
