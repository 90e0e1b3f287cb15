using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>POST /api/tasks/{id}/decline (the assignee) or /cancel (a coordinator): why.</summary>
public sealed record TaskReasonRequest(string? Reason)
{
    internal DeclineTask ToDecline(Actor actor) => new(actor, ReadReason());

    internal CancelTask ToCancel(Actor actor) => new(actor, ReadReason());

    private string ReadReason()
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", Reason, FieldErrors.MaxTextLength);
        errors.ThrowIfAny();
        return reason;
    }
}
