using AddCommitmentRequest = PolicingHub.Contracts.Agreements.AddCommitmentRequest;
using CommitmentNoteRequest = PolicingHub.Contracts.Agreements.CommitmentNoteRequest;
using WaiveCommitmentRequest = PolicingHub.Contracts.Agreements.WaiveCommitmentRequest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Api.Access;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Agreements;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>/api/agreements/{id}/commitments: add (coordinators), report progress, fulfil, waive (coordinators).</summary>
internal static class CommitmentEndpoints
{
    public static void MapCommitmentEndpoints(this IEndpointRouteBuilder api)
    {
        var commitments = api.MapGroup("/agreements/{id}/commitments").WithTags("Commitments");
        commitments.MapPost("/", Add).RequireAuthorization(GatewayPolicies.Coordinator).Audited("commitment.add");
        commitments.MapPost("/{n:int}/progress", Progress).RequireAuthorization(GatewayPolicies.CaseWork).Audited("commitment.progress");
        commitments.MapPost("/{n:int}/fulfil", Fulfil).RequireAuthorization(GatewayPolicies.CaseWork).Audited("commitment.fulfil");
        commitments.MapPost("/{n:int}/waive", Waive).RequireAuthorization(GatewayPolicies.Coordinator).Audited("commitment.waive");
    }

    private static async Task<Created<CommitmentView>> Add(string id, Body<AddCommitmentRequest> body, ApiContext api)
    {
        var agreement = RouteIds.Agreement(id);
        var command = body.Value.ToCommand(api.Actor);
        var view = await api.Command<IAgreementGrain>(agreement.Value).Send(g => g.AddCommitment(command));
        api.Http.SetAuditTarget($"{agreement}/commitments/{view.Number}");
        return TypedResults.Created($"/api/agreements/{agreement}", view);
    }

    private static async Task<Ok<CommitmentView>> Progress(string id, int n, Body<CommitmentNoteRequest> body, ApiContext api)
    {
        var agreement = RouteIds.Agreement(id);
        var command = body.Value.ToProgress(api.Actor, n);
        await api.EnsurePartnerSeesAgreement(agreement);
        return TypedResults.Ok(await api.Command<IAgreementGrain>(agreement.Value).Send(g => g.ReportProgress(command)));
    }

    private static async Task<Ok<CommitmentView>> Fulfil(string id, int n, Body<CommitmentNoteRequest> body, ApiContext api)
    {
        var agreement = RouteIds.Agreement(id);
        var command = body.Value.ToFulfil(api.Actor, n);
        await api.EnsurePartnerSeesAgreement(agreement);
        return TypedResults.Ok(await api.Command<IAgreementGrain>(agreement.Value).Send(g => g.Fulfil(command)));
    }

    private static async Task<Ok<CommitmentView>> Waive(string id, int n, Body<WaiveCommitmentRequest> body, ApiContext api)
    {
        var agreement = RouteIds.Agreement(id);
        var command = body.Value.ToCommand(api.Actor, n);
        return TypedResults.Ok(await api.Command<IAgreementGrain>(agreement.Value).Send(g => g.Waive(command)));
    }
}
