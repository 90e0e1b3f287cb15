using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>POST /api/tasks/{id}/updates: a progress update (the first moves an accepted task to in progress).</summary>
public sealed record TaskUpdateRequest(string? Text)
{
    internal PostTaskUpdate ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var command = new PostTaskUpdate(actor, errors.Text("text", Text, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }
}
