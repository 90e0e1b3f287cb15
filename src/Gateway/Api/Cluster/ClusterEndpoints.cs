using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Security;
using PolicingHub.Runtime.Cluster;

namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>GET /api/cluster (operators and coordinators): silos and load, never case content.</summary>
internal static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cluster", Get).RequireAuthorization(GatewayPolicies.Cluster).WithTags("Cluster");
    }

    private static Ok<ClusterView> Get(IClusterMembership membership, ActivationCounter activations)
    {
        var local = membership.LocalSilo;
        var silos = membership.ActiveSilos
            .Select(s => new SiloView(s.Address.Endpoint, s.Address.Generation, s.Region, s == local))
            .ToList();
        return TypedResults.Ok(new ClusterView(membership.Version, silos, activations.Count));
    }
}
