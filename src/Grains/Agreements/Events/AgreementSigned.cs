using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement was signed.</summary>
[GenerateSerializer, Immutable, Alias("agreement.signed")]
public sealed record AgreementSigned(
    [property: Id(0)] AgreementId Agreement,
    [property: Id(1)] DateOnly SignedOn,
    [property: Id(2)] ImmutableArray<Signatory> Signatories);
