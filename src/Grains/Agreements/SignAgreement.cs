using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Signs a draft: at least one signatory per party, each a party.</summary>
[GenerateSerializer, Immutable, Alias("ph.SignAgreement")]
public sealed record SignAgreement(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] DateOnly SignedOn,
    [property: Id(2)] ImmutableArray<Signatory> Signatories);
