using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;

namespace PolicingHub.Cluster.Tests.InProcess.Support;

/// <summary>Agency commands as a coordinator sends them.</summary>
public static class Agencies
{
    public static readonly Actor Coordinator = new("coord-cluster", ActorRole.Coordinator, null);

    public static IAgencyGrain Agency(this IClusterClient client, string code) => client.GetGrain<IAgencyGrain>(code);

    public static Task<AgencyProfile> Register(this IClusterClient client, string code, string homeRegion) =>
        client.Agency(code).Register(new RegisterAgency(Coordinator, $"{code} (cluster test)", homeRegion, ["en"], [CooperationArea.Cyberspace], []));

    public static SetReadiness Readiness(int n) => new(Coordinator, n % 2 == 0 ? Grains.Model.Readiness.Normal : Grains.Model.Readiness.Elevated, $"step {n}");
}
