using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Security;

/// <summary>Revokes every token of <paramref name="Agency"/> issued up to now (coordinators only).</summary>
[GenerateSerializer, Immutable, Alias("ph.RevokeAgencyTokens")]
public sealed record RevokeAgencyTokens([property: Id(0)] Actor Actor, [property: Id(1)] AgencyCode Agency);
