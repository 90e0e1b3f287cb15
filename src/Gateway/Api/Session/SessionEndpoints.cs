using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Contracts.Session;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Api.Session;

/// <summary>GET /api/me (any valid token): what the token says, so a console can greet its user and show only that role's views.</summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", Me).RequireAuthorization(GatewayPolicies.Console).WithTags("Session");

    private static Ok<SessionView> Me(ClaimsPrincipal user)
    {
        var expires = long.TryParse(user.FindFirstValue("exp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MaxValue;
        return TypedResults.Ok(new SessionView(
            user.FindFirstValue(GatewayClaims.Subject) ?? string.Empty,
            user.FindFirstValue(GatewayClaims.Role) ?? string.Empty,
            user.FindFirstValue(GatewayClaims.Agency),
            expires));
    }
}
