namespace PolicingHub.Grains.Model;

/// <summary>
/// Who may see what (DESIGN.md §6), as pure rules shared by REST reads and the console feed. Coordinators see all;
/// operators see agency status only, never case content; a partner sees its own agency, the agreements its agency is
/// party to, and the tasks assigned to it — plus, for TLP CLEAR and GREEN tasks, the tasks of agreements it is party to.
/// </summary>
public static class Visibility
{
    public static bool CanSeeAgency(ActorRole role, string? actorAgency, AgencyCode agency) => role switch
    {
        ActorRole.Coordinator or ActorRole.Operator => true,
        _ => string.Equals(actorAgency, agency.Value, StringComparison.Ordinal),
    };

    public static bool CanSeeAgreement(ActorRole role, string? actorAgency, IEnumerable<AgencyCode> parties) => role switch
    {
        ActorRole.Coordinator => true,
        ActorRole.Operator => false,
        _ => actorAgency is not null && parties.Any(p => p.Value == actorAgency),
    };

    public static bool CanSeeTask(ActorRole role, string? actorAgency, AgencyCode assignee, HandlingCode handling, IEnumerable<AgencyCode> agreementParties) => role switch
    {
        ActorRole.Coordinator => true,
        ActorRole.Operator => false,
        _ => actorAgency is not null && (assignee.Value == actorAgency
            || (handling is HandlingCode.Clear or HandlingCode.Green && agreementParties.Any(p => p.Value == actorAgency))),
    };
}
