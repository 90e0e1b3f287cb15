namespace PolicingHub.Contracts;

/// <summary>
/// The closed lists the API accepts by name (any case), in the order forms offer them. The gateway's enums are the
/// truth; a gateway test fails if these lists drift from them.
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Areas =
    [
        "EconomicSecurity", "Cyberspace", "TransnationalCrime", "OrganizedCrime", "Drugs", "Terrorism", "Fugitives",
        "AiAndTechnology", "NationalsAbroad", "Forensics", "CapacityBuilding", "SecurityInvestigations",
    ];

    public static readonly IReadOnlyList<string> Priorities = ["Routine", "Urgent", "Critical"];

    /// <summary>TLP 2.0: Clear and Green reach every party of the agreement; Amber and stricter only the assignee.</summary>
    public static readonly IReadOnlyList<string> HandlingCodes = ["Clear", "Green", "Amber", "AmberStrict", "Red"];

    public static readonly IReadOnlyList<string> TaskKinds = ["CaseCollaboration", "InformationRequest", "FugitiveLocation", "JointOperation", "IntelligenceSharing", "CapacityBuilding"];

    public static readonly IReadOnlyList<string> Readiness = ["Normal", "Elevated", "Critical"];

    public static readonly IReadOnlyList<string> TaskStatuses = ["Assigned", "Acknowledged", "Accepted", "Declined", "InProgress", "Completed", "Cancelled"];

    public static readonly IReadOnlyList<string> AgreementStatuses = ["Draft", "Signed", "Active", "Suspended", "Terminated", "Expired"];

    public static readonly IReadOnlyList<string> CommitmentStatuses = ["Open", "Overdue", "Fulfilled", "Waived"];
}
