using System.Globalization;
using System.Security.Claims;

namespace PolicingHub.Gateway.Security.Revocation;

/// <summary>What revocation looks at in a validated token: its jti, its agency (partners) and its issue time (iat, whole seconds).</summary>
internal readonly record struct TokenFacts(string? TokenId, string? Agency, DateTimeOffset? IssuedAt)
{
    public static TokenFacts From(ClaimsPrincipal? principal)
    {
        if (principal is null)
        {
            return default;
        }
        var iat = principal.FindFirst(GatewayClaims.IssuedAt)?.Value;
        DateTimeOffset? issuedAt = long.TryParse(iat, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return new TokenFacts(principal.FindFirst(GatewayClaims.TokenId)?.Value, principal.FindFirst(GatewayClaims.Agency)?.Value, issuedAt);
    }
}
