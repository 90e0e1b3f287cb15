using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>POST /api/agreements: an MOU to draft. Without an id the server names it "MOU-" and 16 hex digits.</summary>
public sealed record DraftAgreementRequest(
    string? Id,
    string? Title,
    IReadOnlyList<string?>? Parties,
    IReadOnlyList<string?>? Areas,
    IReadOnlyList<ResponseClauseRequest?>? ResponseClauses,
    DateOnly? ExpiresOn)
{
    internal (AgreementId? Id, DraftAgreement Command) ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var id = errors.OptionalId<AgreementId>("id", Id);
        var command = new DraftAgreement(
            actor,
            errors.Text("title", Title),
            errors.List("parties", Parties, 20, required: true, errors.Id<AgencyCode>),
            errors.List("areas", Areas, 20, required: true, errors.Enum<CooperationArea>),
            errors.List("responseClauses", ResponseClauses, 60, required: false, (field, clause) => clause.Read(errors, field)),
            errors.Optional("expiresOn", ExpiresOn));
        errors.ThrowIfAny();
        return (id, command);
    }
}
