using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>
/// POST /api/tasks: a cooperation task under an active agreement. Without an id the server names it "T-", the UTC date
/// (yyyyMMdd), "-" and 16 hex digits. The deadline comes from the agreement's response clause unless given.
/// </summary>
public sealed record AssignTaskRequest(
    string? Id,
    string? Agreement,
    string? RequestingAgency,
    string? Assignee,
    string? Kind,
    string? Area,
    string? Priority,
    string? Handling,
    string? Title,
    string? Description,
    DateTimeOffset? Deadline)
{
    internal (TaskId? Id, AssignTask Command) ToCommand(Actor actor)
    {
        var errors = new FieldErrors();
        var id = errors.OptionalId<TaskId>("id", Id);
        var command = new AssignTask(
            actor,
            errors.Id<AgreementId>("agreement", Agreement),
            errors.Id<AgencyCode>("requestingAgency", RequestingAgency),
            errors.Id<AgencyCode>("assignee", Assignee),
            errors.Enum<TaskKind>("kind", Kind),
            errors.Enum<CooperationArea>("area", Area),
            errors.Enum<Priority>("priority", Priority),
            errors.Enum<HandlingCode>("handling", Handling),
            errors.Text("title", Title),
            errors.Text("description", Description, FieldErrors.MaxTextLength),
            errors.Optional("deadline", Deadline));
        errors.ThrowIfAny();
        return (id, command);
    }
}
