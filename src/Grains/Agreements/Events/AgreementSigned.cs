using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement was signed.</summary>
[EventName("agreement.signed")]
public sealed record AgreementSigned(
    AgreementId Agreement,
    DateOnly SignedOn,
    ImmutableArray<Signatory> Signatories);
