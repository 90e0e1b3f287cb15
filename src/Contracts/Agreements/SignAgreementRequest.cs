namespace PolicingHub.Contracts.Agreements;

/// <summary>POST /api/agreements/{id}/sign: the signing date and at least one signatory per party.</summary>
public sealed record SignAgreementRequest(DateOnly? SignedOn, IReadOnlyList<SignatoryRequest?>? Signatories);
