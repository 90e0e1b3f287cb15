using Orleans.Runtime.MembershipService.SiloMetadata;
using PolicingHub.Gateway.Api.Cluster;
using PolicingHub.Silo.Regions;

namespace PolicingHub.Silo.Operations;

/// <summary>The operator API's cluster operations, through each silo's <see cref="ISiloControl"/> and Orleans' silo metadata.</summary>
internal sealed class SiloClusterOperations(ISiloMetadataCache metadata, SiloControlClient control) : IClusterOperations
{
    public string? RegionOf(SiloAddress silo) => metadata.RegionOf(silo);

    public async Task<int> DrainAsync(SiloAddress silo, IReadOnlyCollection<SiloAddress> active)
    {
        // Every silo learns first that this one drains, so no new activation is placed there from anywhere.
        await Task.WhenAll(active.Select(s => control.On(s).MarkDraining(silo)));
        return await control.On(silo).Drain();
    }

    public Task StopAsync(SiloAddress silo) => control.On(silo).Shutdown();
}
