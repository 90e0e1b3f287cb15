namespace PolicingHub.Runtime.Cluster;

/// <summary>Chooses the silo that should host a grain's activation (DESIGN.md §4.7).</summary>
public interface IPlacementDirector
{
    SiloAddress Place(GrainId grainId);
}
