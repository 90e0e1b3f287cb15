using PolicingHub.Contracts.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Errors;

namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>
/// /api/cluster (operators and coordinators, never case content): GET the silos with region and load and where each
/// agency lives; POST /api/cluster/silos/{address}/drain or /stop for one active silo (any silo serves the call).
/// </summary>
internal static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this IEndpointRouteBuilder api)
    {
        var cluster = api.MapGroup("/cluster").WithTags("Cluster").RequireAuthorization(GatewayPolicies.Cluster);
        cluster.MapGet("/", Get);
        cluster.MapGet("/presence", Presence);
        cluster.MapPost("/silos/{address}/drain", Drain).Audited("cluster.drain");
        cluster.MapPost("/silos/{address}/stop", Stop).Audited("cluster.stop");
    }

    private static async Task<Ok<ClusterView>> Get(IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains,
        IClusterOperations operations, ApiContext api)
    {
        var snapshot = membership.CurrentSnapshot;
        var active = Active(snapshot);
        var management = grains.GetGrain<IManagementGrain>(0);
        // Asked silo by silo: one that died but is not yet declared dead leaves its figures empty instead of failing the view.
        var load = (await Task.WhenAll(active.Select(async silo => (Silo: silo, Stats: await Reachable(() => management.GetRuntimeStatistics([silo]))))))
            .Where(p => p.Stats is { Length: 1 })
            .ToDictionary(p => p.Silo, p => p.Stats![0]);
        var silos = snapshot.Members.Values
            .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(m =>
            {
                var stats = load.GetValueOrDefault(m.SiloAddress);
                var environment = stats?.EnvironmentStatistics;
                return new SiloView(m.SiloAddress.ToString(), m.Name, m.Status.ToString(), m.SiloAddress.Equals(local.SiloAddress),
                    stats?.ActivationCount, environment?.FilteredCpuUsagePercentage, stats?.RecentlyUsedActivationCount,
                    operations.RegionOf(m.SiloAddress), environment?.FilteredMemoryUsageBytes, environment?.FilteredAvailableMemoryBytes,
                    stats?.IsOverloaded);
            })
            .ToList();
        var agencyGrains = (await Task.WhenAll(active.Select(silo => Reachable(() => management.GetDetailedGrainStatistics(null, [silo])))))
            .SelectMany(g => g ?? []);
        // While a grain migrates it can be listed on two silos for a moment: one answer per agency.
        var hosts = agencyGrains.Where(g => g.GrainId.Type.ToString() == "agency")
            .GroupBy(g => g.GrainId.Key.ToString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().SiloAddress, StringComparer.Ordinal);
        var agencies = (await api.ReadModelsAsync()).Agencies()
            .Select(a =>
            {
                var host = hosts.GetValueOrDefault(a.Code.Value);
                var region = host is null ? null : operations.RegionOf(host);
                return new AgencyPlacementView(a.Code.Value, a.HomeRegion, host?.ToString(), region,
                    region is not null && string.Equals(region, a.HomeRegion, StringComparison.OrdinalIgnoreCase));
            })
            .ToList();
        return TypedResults.Ok(new ClusterView(snapshot.Version.Value, silos, agencies));
    }

    /// <summary>
    /// Which agencies have consoles online, and their readiness: presence only, no agreements or tasks. Read after the
    /// read models caught up, like every other list: an agency registered or a console connected a moment ago is in it.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<AgencyPresenceView>>> Presence(ApiContext api) =>
        TypedResults.Ok<IReadOnlyList<AgencyPresenceView>>([.. (await api.ReadModelsAsync()).Agencies()
            .OrderBy(a => a.Code.Value, StringComparer.Ordinal)
            .Select(a => new AgencyPresenceView(a.Code.Value, a.Name, a.HomeRegion, a.Status.ConsolesOnline, a.Status.LastSeen, a.Status.Readiness.ToString()))]);

    private static async Task<Accepted<SiloOperationResult>> Drain(string address, IClusterMembershipService membership,
        IClusterOperations operations, HttpContext http)
    {
        var (silo, active) = ActiveSilo(address, membership, http);
        var moved = await operations.DrainAsync(silo, active);
        return TypedResults.Accepted("/api/cluster", new SiloOperationResult(silo.ToString(), "drained", moved));
    }

    private static async Task<Accepted<SiloOperationResult>> Stop(string address, IClusterMembershipService membership,
        IClusterOperations operations, HttpContext http)
    {
        var (silo, _) = ActiveSilo(address, membership, http);
        await operations.StopAsync(silo);
        return TypedResults.Accepted("/api/cluster", new SiloOperationResult(silo.ToString(), "stopping", 0));
    }

    /// <summary>The active silo named by its address as /api/cluster shows it (S127.0.0.1:11111:…); 404 when unknown, 409 when not active.</summary>
    private static (SiloAddress Silo, SiloAddress[] Active) ActiveSilo(string address, IClusterMembershipService membership, HttpContext http)
    {
        http.SetAuditTarget(address.Length <= 64 ? address : address[..64]);
        var snapshot = membership.CurrentSnapshot;
        var member = snapshot.Members.Values.FirstOrDefault(m => m.SiloAddress.ToString() == address || m.SiloAddress.ToParsableString() == address)
            ?? throw new NotFoundException($"No silo {address} in the cluster; GET /api/cluster lists them.");
        return member.Status == SiloStatus.Active
            ? (member.SiloAddress, Active(snapshot))
            : throw new ConflictException($"Silo {address} is {member.Status}, not Active.");
    }

    /// <summary>The answer of a call to one silo, or null when that silo cannot be reached right now.</summary>
    private static async Task<T?> Reachable<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call().WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return null;
        }
    }

    private static SiloAddress[] Active(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();
}
