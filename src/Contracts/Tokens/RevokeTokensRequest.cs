namespace PolicingHub.Contracts.Tokens;

/// <summary>POST /api/tokens/revocations (coordinators): exactly one of a token's jti, or an agency code (every token of it issued up to now).</summary>
public sealed record RevokeTokensRequest(string? Jti, string? Agency);
