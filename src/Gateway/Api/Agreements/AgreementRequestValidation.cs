using PolicingHub.Contracts.Agreements;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>
/// Turns the agreement lifecycle requests of the wire contract into grain commands, collecting every field error first:
/// a request with any error throws <see cref="RequestValidationException"/> before a grain is called.
/// </summary>
internal static class AgreementRequestValidation
{
    public static (AgreementId? Id, DraftAgreement Command) ToCommand(this DraftAgreementRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var id = errors.OptionalId<AgreementId>("id", request.Id);
        var command = new DraftAgreement(
            actor,
            errors.Text("title", request.Title),
            errors.List("parties", request.Parties, 20, required: true, errors.Id<AgencyCode>),
            errors.List("areas", request.Areas, 20, required: true, errors.Enum<CooperationArea>),
            errors.List("responseClauses", request.ResponseClauses, 60, required: false, (field, clause) => clause.Read(errors, field)),
            errors.Optional("expiresOn", request.ExpiresOn));
        errors.ThrowIfAny();
        return (id, command);
    }

    public static SignAgreement ToCommand(this SignAgreementRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new SignAgreement(
            actor,
            errors.Required("signedOn", request.SignedOn),
            errors.List("signatories", request.Signatories, 40, required: true, (field, signatory) => signatory.Read(errors, field)));
        errors.ThrowIfAny();
        return command;
    }

    public static ChangeAgreementStatus ToCommand(this StatusChangeRequest request, Actor actor, bool reasonRequired)
    {
        var errors = new FieldErrors();
        var reason = reasonRequired ? errors.Text("reason", request.Reason, FieldErrors.MaxTextLength) : errors.OptionalText("reason", request.Reason);
        errors.ThrowIfAny();
        return new ChangeAgreementStatus(actor, reason);
    }

    private static ResponseClause Read(this ResponseClauseRequest clause, FieldErrors errors, string field) => new(
        errors.Enum<CooperationArea>($"{field}.area", clause.Area),
        errors.Enum<Priority>($"{field}.priority", clause.Priority),
        errors.Duration($"{field}.acknowledgeWithin", clause.AcknowledgeWithin),
        errors.Duration($"{field}.answerWithin", clause.AnswerWithin));

    private static Signatory Read(this SignatoryRequest signatory, FieldErrors errors, string field) => new(
        errors.Id<AgencyCode>($"{field}.agency", signatory.Agency),
        errors.Text($"{field}.name", signatory.Name),
        errors.Text($"{field}.title", signatory.Title));
}
