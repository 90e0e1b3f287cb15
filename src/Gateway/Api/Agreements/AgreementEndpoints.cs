using DraftAgreementRequest = PolicingHub.Contracts.Agreements.DraftAgreementRequest;
using SignAgreementRequest = PolicingHub.Contracts.Agreements.SignAgreementRequest;
using StatusChangeRequest = PolicingHub.Contracts.Agreements.StatusChangeRequest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Api.Access;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>/api/agreements: draft, list, read, scorecard, and the lifecycle (sign, activate, suspend, resume, terminate, expire).</summary>
internal static class AgreementEndpoints
{
    public static void MapAgreementEndpoints(this IEndpointRouteBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapPost("/", Draft).RequireAuthorization(GatewayPolicies.Coordinator).Audited("agreement.draft");
        agreements.MapGet("/", List).RequireAuthorization(GatewayPolicies.CaseWork);
        agreements.MapGet("/{id}", Get).RequireAuthorization(GatewayPolicies.CaseWork);
        agreements.MapGet("/{id}/scorecard", GetScorecard).RequireAuthorization(GatewayPolicies.CaseWork);
        agreements.MapPost("/{id}/sign", Sign).RequireAuthorization(GatewayPolicies.Coordinator).Audited("agreement.sign");
        MapStatusChange(agreements, "activate", reasonRequired: false, (g, c) => g.Activate(c));
        MapStatusChange(agreements, "suspend", reasonRequired: true, (g, c) => g.Suspend(c));
        MapStatusChange(agreements, "resume", reasonRequired: false, (g, c) => g.Resume(c));
        MapStatusChange(agreements, "terminate", reasonRequired: true, (g, c) => g.Terminate(c));
        MapStatusChange(agreements, "expire", reasonRequired: false, (g, c) => g.Expire(c));
    }

    private static async Task<Created<AgreementDetails>> Draft(Body<DraftAgreementRequest> body, ApiContext api)
    {
        var (requested, command) = body.Value.ToCommand(api.Actor);
        var id = requested?.Value ?? IdGenerator.AgreementId(api.Actor.Subject, api.IdempotencyKey);
        api.Http.SetAuditTarget(id);
        var view = await api.Command<IAgreementGrain>(id).Send(g => g.Draft(command));
        return TypedResults.Created($"/api/agreements/{id}", await api.WithScorecard(view));
    }

    private static async Task<Ok<IReadOnlyList<AgreementDetails>>> List(ApiContext api) => TypedResults.Ok(await api.VisibleAgreements());

    private static async Task<Ok<AgreementDetails>> Get(string id, ApiContext api) => TypedResults.Ok(await api.VisibleAgreement(RouteIds.Agreement(id)));

    private static async Task<Ok<Scorecard>> GetScorecard(string id, ApiContext api) =>
        TypedResults.Ok((await api.VisibleAgreement(RouteIds.Agreement(id))).Scorecard);

    private static async Task<Ok<AgreementDetails>> Sign(string id, Body<SignAgreementRequest> body, ApiContext api)
    {
        var agreement = RouteIds.Agreement(id);
        var command = body.Value.ToCommand(api.Actor);
        return TypedResults.Ok(await api.WithScorecard(await api.Command<IAgreementGrain>(agreement.Value).Send(g => g.Sign(command))));
    }

    private static void MapStatusChange(
        RouteGroupBuilder agreements, string verb, bool reasonRequired, Func<IAgreementGrain, ChangeAgreementStatus, Task<AgreementView>> change)
    {
        agreements.MapPost($"/{{id}}/{verb}", async Task<Ok<AgreementDetails>> (string id, Body<StatusChangeRequest> body, ApiContext api) =>
            {
                AgreementId agreement = RouteIds.Agreement(id);
                var command = body.Value.ToCommand(api.Actor, reasonRequired);
                return TypedResults.Ok(await api.WithScorecard(await api.Command<IAgreementGrain>(agreement.Value).Send(g => change(g, command))));
            })
            .RequireAuthorization(GatewayPolicies.Coordinator)
            .Audited($"agreement.{verb}");
    }
}
