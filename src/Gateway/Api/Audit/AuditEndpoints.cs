using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Audit;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>GET /api/audit/verify (coordinators): recomputes the audit hash chain and names the first broken link.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit/verify", Verify).RequireAuthorization(GatewayPolicies.Coordinator).WithTags("Audit");
    }

    private static async Task<Ok<AuditVerification>> Verify(ApiContext api) =>
        TypedResults.Ok(await api.Read<IAuditLogGrain>(IAuditLogGrain.Key).Verify());
}
