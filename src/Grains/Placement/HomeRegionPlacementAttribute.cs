using Orleans.Placement;

namespace PolicingHub.Grains.Placement;

/// <summary>On a grain class: place its activations in the grain's home region when that region has an active silo, else anywhere.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class HomeRegionPlacementAttribute() : PlacementFilterAttribute(new HomeRegionPlacementFilterStrategy());
