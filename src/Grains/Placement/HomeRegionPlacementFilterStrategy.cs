using Orleans.Placement;

namespace PolicingHub.Grains.Placement;

/// <summary>
/// Marks a grain type as living in its home region (DESIGN §2, §4.9): the silo host registers the director that keeps,
/// of the candidate silos, those whose <c>region</c> metadata is the grain's home region, and keeps all of them when
/// that region has no active silo. The rule that names a grain's home region is the host's (README "Regions").
/// </summary>
public sealed class HomeRegionPlacementFilterStrategy() : PlacementFilterStrategy(order: 0);
