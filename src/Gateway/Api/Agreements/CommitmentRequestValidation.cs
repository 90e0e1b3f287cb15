using PolicingHub.Contracts.Agreements;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>
/// Turns the commitment requests of the wire contract into grain commands, collecting every field error first: a request
/// with any error throws <see cref="RequestValidationException"/> before a grain is called.
/// </summary>
internal static class CommitmentRequestValidation
{
    public static AddCommitment ToCommand(this AddCommitmentRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new AddCommitment(
            actor,
            errors.Enum<CooperationArea>("area", request.Area),
            errors.Text("text", request.Text, FieldErrors.MaxTextLength),
            errors.Id<AgencyCode>("responsibleParty", request.ResponsibleParty),
            errors.Required("dueAt", request.DueAt));
        errors.ThrowIfAny();
        return command;
    }

    /// <summary>…/commitments/{n}/progress: the note is required.</summary>
    public static ReportCommitmentProgress ToProgress(this CommitmentNoteRequest request, Actor actor, int commitment)
    {
        var errors = new FieldErrors();
        var command = new ReportCommitmentProgress(actor, commitment, errors.Text("note", request.Note, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }

    /// <summary>…/commitments/{n}/fulfil: the note is optional.</summary>
    public static FulfilCommitment ToFulfil(this CommitmentNoteRequest request, Actor actor, int commitment)
    {
        var errors = new FieldErrors();
        var command = new FulfilCommitment(actor, commitment, errors.OptionalText("note", request.Note));
        errors.ThrowIfAny();
        return command;
    }

    public static WaiveCommitment ToCommand(this WaiveCommitmentRequest request, Actor actor, int commitment)
    {
        var errors = new FieldErrors();
        var command = new WaiveCommitment(actor, commitment, errors.Text("reason", request.Reason, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }
}
