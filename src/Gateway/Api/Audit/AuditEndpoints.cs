using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>
/// GET /api/audit/verify (coordinators): seals what is new, then recomputes the keyed chain over the whole log and
/// names the first broken link. GET /api/audit/checkpoints: the signed checkpoints, for export.
/// </summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(GatewayPolicies.Coordinator);
        audit.MapGet("/verify", Verify);
        audit.MapGet("/checkpoints", Checkpoints);
    }

    private static async Task<Ok<AuditVerification>> Verify(ApiContext api)
    {
        var seals = api.Read<IAuditSealGrain>(IAuditSealGrain.Key);
        await seals.Seal();
        return TypedResults.Ok(await seals.Verify());
    }

    private static async Task<Ok<IReadOnlyList<AuditSealed>>> Checkpoints(ApiContext api) =>
        TypedResults.Ok(await api.Read<IAuditSealGrain>(IAuditSealGrain.Key).Checkpoints());
}
