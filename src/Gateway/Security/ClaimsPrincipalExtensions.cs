using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Security;

/// <summary>Reads the acting <see cref="Actor"/> from a validated token's claims.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The actor; throws when the principal lacks exactly one subject and one known role, or is a partner without exactly one valid agency.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) => principal.TryToActor(out var actor)
        ? actor
        : throw new InvalidOperationException("The principal does not carry a valid subject, role and agency.");

    public static bool TryToActor(this ClaimsPrincipal principal, [NotNullWhen(true)] out Actor? actor)
    {
        ArgumentNullException.ThrowIfNull(principal);
        actor = null;
        // Exactly one subject and one role, at most one agency: a token naming two roles (or agencies) is no actor at all.
        if (principal.FindAll(GatewayClaims.Subject).Count() != 1 || principal.FindAll(GatewayClaims.Role).Count() != 1
            || principal.FindAll(GatewayClaims.Agency).Count() > 1)
        {
            return false;
        }
        var subject = principal.FindFirst(GatewayClaims.Subject)?.Value;
        var agency = principal.FindFirst(GatewayClaims.Agency)?.Value;
        ActorRole? role = principal.FindFirst(GatewayClaims.Role)?.Value switch
        {
            GatewayClaims.Partner => ActorRole.Partner,
            GatewayClaims.Coordinator => ActorRole.Coordinator,
            GatewayClaims.Operator => ActorRole.Operator,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(subject) || role is null)
        {
            return false;
        }
        if (role == ActorRole.Partner ? !AgencyCode.IsValid(agency) : agency is not null)
        {
            return false;
        }
        actor = new Actor(subject, role.Value, agency);
        return true;
    }
}
