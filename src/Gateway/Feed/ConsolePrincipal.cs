using System.Security.Claims;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Feed;

/// <summary>Reads the console's <see cref="Actor"/> from its token (sub, role, agency) with the gateway's own claim rules.</summary>
internal static class ConsolePrincipal
{
    /// <summary>The actor, or null when the token carries no valid actor (such a connection receives nothing).</summary>
    public static Actor? From(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.TryToActor(out var actor) ? actor : null;
}
