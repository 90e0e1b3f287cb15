using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Rules;

/// <summary>Who may issue a command (DESIGN.md §6): coordinators, partners acting for their own agency, never operators.</summary>
internal static class ActorRules
{
    /// <summary>Coordinators only.</summary>
    public static void RequireCoordinator(Actor? actor, string action)
    {
        var known = RequireNotOperator(actor, action);
        if (!known.IsCoordinator)
        {
            throw new ForbiddenException($"only coordinators may {action}");
        }
    }

    /// <summary>A coordinator, or a partner acting for <paramref name="agency"/>.</summary>
    public static void RequireCoordinatorOrPartnerOf(Actor? actor, AgencyCode agency, string action)
    {
        var known = RequireNotOperator(actor, action);
        if (!known.IsCoordinator)
        {
            RequirePartnerOf(known, agency, action);
        }
    }

    /// <summary>A partner acting for <paramref name="agency"/> only.</summary>
    public static void RequirePartnerOf(Actor? actor, AgencyCode agency, string action)
    {
        var known = RequireNotOperator(actor, action);
        if (known.Role != ActorRole.Partner)
        {
            throw new ForbiddenException($"only a partner of {agency} may {action}");
        }
        if (!known.ActsFor(agency.Value))
        {
            throw new ForbiddenException($"{known.Subject} acts for {known.Agency ?? "no agency"}, not {agency}");
        }
    }

    /// <summary>Anyone identified but an operator; returns the actor.</summary>
    public static Actor RequireNotOperator(Actor? actor, string action)
    {
        if (actor is null)
        {
            throw new ForbiddenException($"an unidentified caller may not {action}");
        }
        if (actor.Role == ActorRole.Operator)
        {
            throw new ForbiddenException($"operators may only read agency status; {actor.Subject} may not {action}");
        }
        return actor;
    }
}
