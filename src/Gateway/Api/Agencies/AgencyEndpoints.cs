using RegisterAgencyRequest = PolicingHub.Contracts.Agencies.RegisterAgencyRequest;
using SetReadinessRequest = PolicingHub.Contracts.Agencies.SetReadinessRequest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Api.Access;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Agencies;

namespace PolicingHub.Gateway.Api.Agencies;

/// <summary>/api/agencies: register (coordinators), list and read (filtered by visibility), set readiness.</summary>
internal static class AgencyEndpoints
{
    public static void MapAgencyEndpoints(this IEndpointRouteBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Agencies");
        agencies.MapPost("/", Register).RequireAuthorization(GatewayPolicies.Coordinator).Audited("agency.register");
        agencies.MapGet("/", List).RequireAuthorization(GatewayPolicies.Console);
        agencies.MapGet("/{code}", Get).RequireAuthorization(GatewayPolicies.Console);
        agencies.MapPut("/{code}/readiness", SetReadiness).RequireAuthorization(GatewayPolicies.CaseWork).Audited("agency.readiness");
    }

    private static async Task<Created<AgencyView>> Register(Body<RegisterAgencyRequest> body, ApiContext api)
    {
        var (code, command) = body.Value.ToCommand(api.Actor);
        api.Http.SetAuditTarget(code.Value);
        await api.Command<IAgencyGrain>(code.Value).Send(g => g.Register(command));
        return TypedResults.Created($"/api/agencies/{code}", await api.VisibleAgency(code));
    }

    private static async Task<Ok<IReadOnlyList<AgencyView>>> List(ApiContext api) => TypedResults.Ok(await api.VisibleAgencies());

    private static async Task<Ok<AgencyView>> Get(string code, ApiContext api) => TypedResults.Ok(await api.VisibleAgency(RouteIds.Agency(code)));

    private static async Task<Ok<AgencyView>> SetReadiness(string code, Body<SetReadinessRequest> body, ApiContext api)
    {
        var agency = RouteIds.Agency(code);
        var command = body.Value.ToCommand(api.Actor);
        if (!api.Actor.IsCoordinator)
        {
            await api.VisibleAgency(agency);
        }
        await api.Command<IAgencyGrain>(agency.Value).Send(g => g.SetReadiness(command));
        return TypedResults.Ok(await api.VisibleAgency(agency));
    }
}
