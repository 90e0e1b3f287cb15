using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Security.Events;

/// <summary>Every token of the agency issued before <paramref name="IssuedBefore"/> (a whole second) is refused; later ones are accepted.</summary>
[GenerateSerializer, Immutable, Alias("security.agency-tokens-revoked")]
public sealed record AgencyTokensRevoked([property: Id(0)] AgencyCode Agency, [property: Id(1)] DateTimeOffset IssuedBefore);
