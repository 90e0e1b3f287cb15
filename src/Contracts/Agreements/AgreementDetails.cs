namespace PolicingHub.Contracts.Agreements;

/// <summary>An agreement as GET /api/agreements[/{id}] returns it: terms, status, commitments and the live scorecard.</summary>
public sealed record AgreementDetails(
    string Id,
    string Title,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Areas,
    IReadOnlyList<ResponseClauseView> ResponseClauses,
    string Status,
    DateOnly? SignedOn,
    IReadOnlyList<SignatoryView> Signatories,
    DateOnly? ExpiresOn,
    IReadOnlyList<CommitmentView> Commitments,
    ScorecardView Scorecard);
