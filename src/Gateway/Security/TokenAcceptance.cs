using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// What a correctly signed, unexpired token must also satisfy, checked at every authentication (REST requests, the
/// hub's negotiate and connect): exactly one subject and one role, and — for partners — exactly one agency that is
/// registered (<see cref="RegisteredAgencies"/>).
/// </summary>
internal static class TokenAcceptance
{
    /// <summary>Why the token is refused, or null when it is accepted. Never throws: a failed check refuses.</summary>
    public static async Task<string?> ProblemAsync(ClaimsPrincipal? principal, IServiceProvider services)
    {
        if (principal is null || !principal.TryToActor(out var actor))
        {
            return "the token does not name exactly one subject, one role and (for partners) one agency";
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
