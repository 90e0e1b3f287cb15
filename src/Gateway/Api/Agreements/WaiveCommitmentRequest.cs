using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>POST …/commitments/{n}/waive: why the commitment no longer applies.</summary>
public sealed record WaiveCommitmentRequest(string? Reason)
{
    internal WaiveCommitment ToCommand(Actor actor, int commitment)
    {
        var errors = new FieldErrors();
        var command = new WaiveCommitment(actor, commitment, errors.Text("reason", Reason, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }
}
