using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>POST /api/agreements/{id}/activate|suspend|resume|terminate|expire: a reason (required to suspend or terminate).</summary>
public sealed record StatusChangeRequest(string? Reason)
{
    internal ChangeAgreementStatus ToCommand(Actor actor, bool reasonRequired)
    {
        var errors = new FieldErrors();
        var reason = reasonRequired ? errors.Text("reason", Reason, FieldErrors.MaxTextLength) : errors.OptionalText("reason", Reason);
        errors.ThrowIfAny();
        return new ChangeAgreementStatus(actor, reason);
    }
}
