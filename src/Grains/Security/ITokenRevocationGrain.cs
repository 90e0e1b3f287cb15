namespace PolicingHub.Grains.Security;

/// <summary>
/// The token revocations (key <see cref="Key"/>, stream <see cref="Stream"/>): one token by its jti, or every token of
/// an agency issued before a cut-off. The log is the truth: every gateway follows this stream and refuses revoked
/// tokens. Coordinators only; each accepted command is audited by its <c>command.accepted</c> record.
/// </summary>
[Alias("ph.ITokenRevocationGrain")]
public interface ITokenRevocationGrain : IGrainWithStringKey
{
    public const string Key = "tokens";

    /// <summary>The stream the revocations are appended to.</summary>
    public const string Stream = "security/" + Key;

    /// <summary>Revokes one token. Revoking it again changes nothing and answers the first revocation.</summary>
    [Alias("RevokeToken")]
    Task<TokenRevocation> RevokeToken(RevokeToken command);

    /// <summary>Revokes every token of the agency issued up to now; tokens issued from the returned cut-off on are accepted.</summary>
    [Alias("RevokeAgencyTokens")]
    Task<TokenRevocation> RevokeAgencyTokens(RevokeAgencyTokens command);
}
