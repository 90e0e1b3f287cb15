namespace PolicingHub.Gateway.Security;

/// <summary>The claim types and role names of PolicingHub tokens (wire names: stable).</summary>
public static class GatewayClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Agency = "agency";

    /// <summary>The token's unique id (revocation names it).</summary>
    public const string TokenId = "jti";

    /// <summary>Issued at, seconds since the Unix epoch.</summary>
    public const string IssuedAt = "iat";

    public const string Partner = "partner";
    public const string Coordinator = "coordinator";
    public const string Operator = "operator";
}
