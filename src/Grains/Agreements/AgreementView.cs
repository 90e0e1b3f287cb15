using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>An agreement as read, with commitments and scorecard.</summary>
public sealed record AgreementView(
    AgreementId Id,
    string Title,
    ImmutableArray<AgencyCode> Parties,
    ImmutableArray<CooperationArea> Areas,
    ImmutableArray<ResponseClause> ResponseClauses,
    AgreementStatus Status,
    DateOnly? SignedOn,
    ImmutableArray<Signatory> Signatories,
    DateOnly? ExpiresOn,
    ImmutableArray<CommitmentView> Commitments,
    Scorecard Scorecard);
