using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>POST /api/tasks/{id}/reassign: the new assignee and why.</summary>
public sealed record ReassignTaskRequest(string? Assignee, string? Reason)
{
    internal ReassignTask ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new ReassignTask(actor, errors.Id<AgencyCode>("assignee", Assignee), errors.Text("reason", Reason, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }
}
