using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>An agreement as read, with its commitments (the scorecard is a read model).</summary>
[GenerateSerializer, Immutable, Alias("ph.AgreementView")]
public sealed record AgreementView(
    [property: Id(0)] AgreementId Id,
    [property: Id(1)] string Title,
    [property: Id(2)] ImmutableArray<AgencyCode> Parties,
    [property: Id(3)] ImmutableArray<CooperationArea> Areas,
    [property: Id(4)] ImmutableArray<ResponseClause> ResponseClauses,
    [property: Id(5)] AgreementStatus Status,
    [property: Id(6)] DateOnly? SignedOn,
    [property: Id(7)] ImmutableArray<Signatory> Signatories,
    [property: Id(8)] DateOnly? ExpiresOn,
    [property: Id(9)] ImmutableArray<CommitmentView> Commitments);
