namespace PolicingHub.Silo.Regions;

/// <summary>Names the region a grain belongs in, synchronously (placement asks on every new activation); null when unknown.</summary>
public interface IGrainHomeRegions
{
    string? HomeRegionOf(GrainId grain);
}
