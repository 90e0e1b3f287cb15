using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>POST /api/tasks/{id}/complete: the outcome.</summary>
public sealed record CompleteTaskRequest(string? Outcome)
{
    internal CompleteTask ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new CompleteTask(actor, errors.Text("outcome", Outcome, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }
}
