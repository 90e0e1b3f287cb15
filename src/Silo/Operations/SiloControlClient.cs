using Orleans.Runtime.Services;

namespace PolicingHub.Silo.Operations;

/// <summary>Reaches the <see cref="ISiloControl"/> of a given silo.</summary>
internal sealed class SiloControlClient(IServiceProvider services) : GrainServiceClient<ISiloControl>(services)
{
    public ISiloControl On(SiloAddress silo) => GetGrainService(silo);
}
