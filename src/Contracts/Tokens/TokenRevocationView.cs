namespace PolicingHub.Contracts.Tokens;

/// <summary>
/// A revocation in force: the token <see cref="Jti"/> refused since <see cref="RevokedAt"/>, or every token of
/// <see cref="Agency"/> issued before <see cref="IssuedBefore"/> refused (tokens issued from then on are accepted).
/// </summary>
public sealed record TokenRevocationView(string? Jti, string? Agency, DateTimeOffset? RevokedAt, DateTimeOffset? IssuedBefore);
