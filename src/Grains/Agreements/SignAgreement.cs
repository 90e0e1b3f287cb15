using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>Signs a draft: at least one signatory per party, each a party.</summary>
public sealed record SignAgreement(
    Actor Actor,
    DateOnly SignedOn,
    ImmutableArray<Signatory> Signatories);
