using System.Collections.Immutable;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Projections;

/// <summary>An agreement as the API shows it: the grain's view and the scorecard read model.</summary>
public sealed record AgreementDetails(
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
    Scorecard Scorecard)
{
    public static AgreementDetails Of(AgreementView v, Scorecard scorecard) => new(v.Id, v.Title, v.Parties, v.Areas, v.ResponseClauses,
        v.Status, v.SignedOn, v.Signatories, v.ExpiresOn, v.Commitments, scorecard);
}
