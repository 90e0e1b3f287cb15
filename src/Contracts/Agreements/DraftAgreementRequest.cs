namespace PolicingHub.Contracts.Agreements;

/// <summary>POST /api/agreements: an MOU to draft. Without an id the server names it "MOU-" and 16 hex digits.</summary>
public sealed record DraftAgreementRequest(
    string? Id,
    string? Title,
    IReadOnlyList<string?>? Parties,
    IReadOnlyList<string?>? Areas,
    IReadOnlyList<ResponseClauseRequest?>? ResponseClauses,
    DateOnly? ExpiresOn);
