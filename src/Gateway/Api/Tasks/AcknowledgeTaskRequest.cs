using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>POST /api/tasks/{id}/acknowledge: the officer handling it and when an answer can be expected.</summary>
public sealed record AcknowledgeTaskRequest(string? Officer, DateTimeOffset? Eta)
{
    internal AcknowledgeTask ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new AcknowledgeTask(actor, errors.Text("officer", Officer), errors.Required("eta", Eta));
        errors.ThrowIfAny();
        return command;
    }
}
