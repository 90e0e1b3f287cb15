using PolicingHub.Contracts.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>GET /api/cluster (operators and coordinators): Orleans' membership and runtime statistics, never case content.</summary>
internal static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cluster", Get).RequireAuthorization(GatewayPolicies.Cluster).WithTags("Cluster");
        api.MapGet("/cluster/presence", Presence).RequireAuthorization(GatewayPolicies.Cluster).WithTags("Cluster");
    }

    private static async Task<Ok<ClusterView>> Get(IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains)
    {
        var snapshot = membership.CurrentSnapshot;
        var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();
        var statistics = active.Length == 0
            ? []
            : await grains.GetGrain<IManagementGrain>(0).GetRuntimeStatistics(active);
        var load = active.Zip(statistics).ToDictionary(p => p.First, p => p.Second);
        var silos = snapshot.Members.Values
            .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(m =>
            {
                var stats = load.GetValueOrDefault(m.SiloAddress);
                return new SiloView(m.SiloAddress.ToString(), m.Name, m.Status.ToString(), m.SiloAddress.Equals(local.SiloAddress),
                    stats?.ActivationCount, stats?.EnvironmentStatistics.FilteredCpuUsagePercentage, stats?.RecentlyUsedActivationCount);
            })
            .ToList();
        return TypedResults.Ok(new ClusterView(snapshot.Version.Value, silos));
    }

    /// <summary>Which agencies have consoles online, and their readiness: presence only, no agreements or tasks.</summary>
    private static Ok<IReadOnlyList<AgencyPresenceView>> Presence(HubReadModel model) =>
        TypedResults.Ok<IReadOnlyList<AgencyPresenceView>>([.. model.Agencies()
            .OrderBy(a => a.Code.Value, StringComparer.Ordinal)
            .Select(a => new AgencyPresenceView(a.Code.Value, a.Name, a.HomeRegion, a.Status.ConsolesOnline, a.Status.LastSeen, a.Status.Readiness.ToString()))]);
}
