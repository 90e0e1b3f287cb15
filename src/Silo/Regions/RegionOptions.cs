using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Silo.Regions;

/// <summary>PolicingHub:Regions — how grains are brought back to their home region.</summary>
public sealed class RegionOptions
{
    public const string SectionName = "PolicingHub:Regions";

    /// <summary>How often each silo looks for activations it hosts away from their home region (when that region has a silo again).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RehomeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many activations are asked to move per sweep.</summary>
    [Range(1, 100_000)]
    public int RehomeBatch { get; set; } = 500;
}
