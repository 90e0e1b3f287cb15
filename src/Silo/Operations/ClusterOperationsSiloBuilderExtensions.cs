using PolicingHub.Gateway.Api.Cluster;

namespace PolicingHub.Silo.Operations;

/// <summary>Drain and stop for the operator API: a <see cref="SiloControlService"/> on every silo and the client that reaches a given one.</summary>
public static class ClusterOperationsSiloBuilderExtensions
{
    public static ISiloBuilder AddClusterOperations(this ISiloBuilder silo)
    {
        silo.AddGrainService<SiloControlService>();
        silo.Services.AddSingleton<SiloControlClient>();
        silo.Services.AddSingleton<IClusterOperations, SiloClusterOperations>();
        return silo;
    }
}
