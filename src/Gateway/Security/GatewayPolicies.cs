namespace PolicingHub.Gateway.Security;

/// <summary>Authorization policy names. Each requires a well-formed actor (subject, role, and an agency for partners).</summary>
public static class GatewayPolicies
{
    /// <summary>Hub coordinators.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Partner liaison desks (bound to one agency).</summary>
    public const string Partner = "partner";

    /// <summary>Operators of the silos.</summary>
    public const string Operator = "operator";

    /// <summary>Any of the three roles.</summary>
    public const string Console = "console";

    /// <summary>Coordinators and partners: whoever may read or act on case content (agreements, commitments, tasks).</summary>
    public const string CaseWork = "casework";

    /// <summary>Operators and coordinators: cluster state.</summary>
    public const string Cluster = "cluster";
}
