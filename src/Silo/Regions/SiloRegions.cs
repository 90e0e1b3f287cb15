using Orleans.Runtime.MembershipService.SiloMetadata;

namespace PolicingHub.Silo.Regions;

/// <summary>A silo's region is its Orleans silo metadata entry "region" (set from PolicingHub:Region); regions compare case-insensitively.</summary>
internal static class SiloRegions
{
    public const string MetadataKey = "region";

    public static string? RegionOf(this ISiloMetadataCache metadata, SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(MetadataKey);

    public static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
