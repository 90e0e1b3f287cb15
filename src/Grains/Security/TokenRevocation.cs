using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Security;

/// <summary>
/// A revocation in force: one token (<see cref="TokenId"/>) revoked at <see cref="At"/>, or every token of
/// <see cref="Agency"/> issued before <see cref="At"/> (a whole second: tokens carry their issue time in seconds).
/// </summary>
[GenerateSerializer, Immutable, Alias("ph.TokenRevocation")]
public sealed record TokenRevocation(
    [property: Id(0)] string? TokenId,
    [property: Id(1)] AgencyCode? Agency,
    [property: Id(2)] DateTimeOffset At);
