using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Security.Revocation;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// What a correctly signed, unexpired token must also satisfy, checked at every authentication (REST requests, the
/// hub's negotiate and connect, every hub call): exactly one subject and one role, not revoked
/// (<see cref="TokenRevocations"/>), and — for partners — exactly one agency that is registered (<see cref="RegisteredAgencies"/>).
/// </summary>
internal static class TokenAcceptance
{
    /// <summary>The reason given for a revoked token (the WWW-Authenticate error description and the problem's detail).</summary>
    public const string Revoked = "token revoked";

    /// <summary>Where the reason a token was refused is kept for the 401's problem details (HttpContext.Items).</summary>
    public const string ProblemItem = "ph-token-problem";

    /// <summary>Why the token is refused, or null when it is accepted. Never throws: a failed check refuses.</summary>
    public static async Task<string?> ProblemAsync(ClaimsPrincipal? principal, IServiceProvider services)
    {
        if (principal is null || !principal.TryToActor(out var actor))
        {
            return "the token does not name exactly one subject, one role and (for partners) one agency";
        }
        try
        {
            var revocations = services.GetRequiredService<TokenRevocations>();
            if (!revocations.Ready.IsCompleted)
            {
                await revocations.Ready.WaitAsync(TokenRevocations.ReadyTimeout).ConfigureAwait(false);
            }
            if (revocations.IsRevoked(TokenFacts.From(principal)))
            {
                return Revoked;
            }
        }
        catch (TimeoutException)
        {
            return "the token revocations are not loaded from the event log yet; retry shortly";
        }
        if (actor.Agency is not { } agency)
        {
            return null;
        }
        try
        {
            return await services.GetRequiredService<RegisteredAgencies>().IsRegisteredAsync(agency).ConfigureAwait(false)
                ? null
                : "the token's agency is not registered";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"the agency's registration could not be checked ({e.GetType().Name})";
        }
    }
}
