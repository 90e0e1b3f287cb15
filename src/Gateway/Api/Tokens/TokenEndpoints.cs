using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Contracts.Tokens;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Security.Revocation;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Security;

namespace PolicingHub.Gateway.Api.Tokens;

/// <summary>
/// POST /api/tokens/revocations (coordinators): revokes one token by its jti, or every token of a registered agency
/// issued up to now. The revocation is committed to the log ("security/tokens") by its grain, then applied here at once
/// (this silo refuses the token and closes its live console connections); every other silo learns it from the log.
/// Idempotent: revoking a jti again answers the first revocation.
/// </summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/tokens/revocations", Revoke).RequireAuthorization(GatewayPolicies.Coordinator).Audited("token.revoke").WithTags("Tokens");

    private static async Task<Ok<TokenRevocationView>> Revoke(Body<RevokeTokensRequest> body, ApiContext api)
    {
        var (token, agency) = body.Value.ToCommand(api.Actor);
        var grain = api.Command<ITokenRevocationGrain>(ITokenRevocationGrain.Key);
        TokenRevocation revocation;
        if (token is not null)
        {
            api.Http.SetAuditTarget($"jti {token.TokenId}");
            revocation = await grain.Send(g => g.RevokeToken(token));
        }
        else
        {
            api.Http.SetAuditTarget(agency!.Agency.Value);
            if (!await api.Http.RequestServices.GetRequiredService<RegisteredAgencies>().IsRegisteredAsync(agency.Agency.Value))
            {
                throw new NotFoundException($"agency {agency.Agency} is not registered");
            }
            revocation = await grain.Send(g => g.RevokeAgencyTokens(agency));
        }
        api.Http.RequestServices.GetRequiredService<TokenRevocations>().Apply(revocation);
        return TypedResults.Ok(revocation.TokenId is { } jti
            ? new TokenRevocationView(jti, null, revocation.At, null)
            : new TokenRevocationView(null, revocation.Agency?.Value, null, revocation.At));
    }
}
