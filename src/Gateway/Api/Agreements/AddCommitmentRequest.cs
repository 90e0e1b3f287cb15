using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>POST /api/agreements/{id}/commitments: a concrete commitment of one party, due at a time.</summary>
public sealed record AddCommitmentRequest(string? Area, string? Text, string? ResponsibleParty, DateTimeOffset? DueAt)
{
    internal AddCommitment ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new AddCommitment(
            actor,
            errors.Enum<CooperationArea>("area", Area),
            errors.Text("text", Text, FieldErrors.MaxTextLength),
            errors.Id<AgencyCode>("responsibleParty", ResponsibleParty),
            errors.Required("dueAt", DueAt));
        errors.ThrowIfAny();
        return command;
    }
}
