using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>POST …/commitments/{n}/progress (note required) or …/fulfil (note optional).</summary>
public sealed record CommitmentNoteRequest(string? Note)
{
    internal ReportCommitmentProgress ToProgress(Actor actor, int commitment)
    {
        var errors = new FieldErrors();
        var command = new ReportCommitmentProgress(actor, commitment, errors.Text("note", Note, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }

    internal FulfilCommitment ToFulfil(Actor actor, int commitment)
    {
        var errors = new FieldErrors();
        var command = new FulfilCommitment(actor, commitment, errors.OptionalText("note", Note));
        errors.ThrowIfAny();
        return command;
    }
}
