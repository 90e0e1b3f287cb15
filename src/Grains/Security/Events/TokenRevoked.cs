namespace PolicingHub.Grains.Security.Events;

/// <summary>The token with this jti is refused from now on (it may have been issued on any silo).</summary>
[GenerateSerializer, Immutable, Alias("security.token-revoked")]
public sealed record TokenRevoked([property: Id(0)] string TokenId, [property: Id(1)] DateTimeOffset RevokedAt);
