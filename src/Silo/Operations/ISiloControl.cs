using Orleans.Services;

namespace PolicingHub.Silo.Operations;

/// <summary>One per silo (an Orleans grain service), addressed by silo: what the operator API asks of a given silo.</summary>
[Alias("ph.ISiloControl")]
public interface ISiloControl : IGrainService
{
    /// <summary>Remember that <paramref name="silo"/> is draining: place nothing new there while another silo qualifies.</summary>
    [Alias("MarkDraining")]
    Task MarkDraining(SiloAddress silo);

    /// <summary>Drain this silo: stop taking placements, migrate every activation it hosts, then stop gracefully. Returns the activations moved.</summary>
    [Alias("Drain")]
    Task<int> Drain();

    /// <summary>Stop this silo gracefully (Orleans deactivates or hands over its activations; calls in flight complete).</summary>
    [Alias("Shutdown")]
    Task Shutdown();
}
