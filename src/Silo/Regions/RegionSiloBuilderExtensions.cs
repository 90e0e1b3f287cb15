using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using PolicingHub.Grains.Placement;

namespace PolicingHub.Silo.Regions;

/// <summary>
/// Puts the silo in a region (Orleans silo metadata "region") and places the domain grains by home region: the
/// placement filter director, the read model that names each grain's home, the sweep that moves grains home, and the
/// list of draining silos placement avoids.
/// </summary>
public static class RegionSiloBuilderExtensions
{
    public static ISiloBuilder UseRegions(this ISiloBuilder silo, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRegions.MetadataKey] = region });
        silo.Services.AddPlacementFilter<HomeRegionPlacementFilterStrategy, HomeRegionPlacementFilterDirector>(ServiceLifetime.Transient);
        silo.Services.AddSingleton<SiloDrains>();
        silo.Services.TryAddSingleton<IGrainHomeRegions, ReadModelHomeRegions>();
        silo.Services.AddOptions<RegionOptions>().BindConfiguration(RegionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<HomeRegionRebalancer>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<HomeRegionRebalancer>());
        return silo;
    }
}
