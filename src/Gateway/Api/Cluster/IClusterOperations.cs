namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>What the silo host adds to the operator API: silos' regions, and drain / stop of a given silo (src/Silo/Operations).</summary>
internal interface IClusterOperations
{
    /// <summary>The silo's region (its Orleans silo metadata), or null when it has none.</summary>
    string? RegionOf(SiloAddress silo);

    /// <summary>Tells every active silo that <paramref name="silo"/> drains, then drains it (its activations migrate, then it stops gracefully).</summary>
    Task<int> DrainAsync(SiloAddress silo, IReadOnlyCollection<SiloAddress> active);

    /// <summary>Stops <paramref name="silo"/> gracefully.</summary>
    Task StopAsync(SiloAddress silo);
}
