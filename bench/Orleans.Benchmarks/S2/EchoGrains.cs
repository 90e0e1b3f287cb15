using Orleans.Concurrency;
using Orleans.Placement;

namespace PolicingHub.Benchmarks.S2;

/// <summary>S2's grain: answers what it is sent. Placed on the silo whose code first calls it, so the benchmark puts every one on silo B.</summary>
[Alias("ph.bench.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    [Alias("Echo")]
    Task<byte[]> Echo([Immutable] byte[] payload);
}

[PreferLocalPlacement]
internal sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<byte[]> Echo([Immutable] byte[] payload) => Task.FromResult(payload);
}
