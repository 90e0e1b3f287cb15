using PolicingHub.Contracts.Tasks;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>
/// Turns the task requests of the wire contract into grain commands, collecting every field error first: a request with
/// any error throws <see cref="RequestValidationException"/> before a grain is called.
/// </summary>
internal static class TaskRequestValidation
{
    public static (TaskId? Id, AssignTask Command) ToCommand(this AssignTaskRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var id = errors.OptionalId<TaskId>("id", request.Id);
        var command = new AssignTask(
            actor,
            errors.Id<AgreementId>("agreement", request.Agreement),
            errors.Id<AgencyCode>("requestingAgency", request.RequestingAgency),
            errors.Id<AgencyCode>("assignee", request.Assignee),
            errors.Enum<TaskKind>("kind", request.Kind),
            errors.Enum<CooperationArea>("area", request.Area),
            errors.Enum<Priority>("priority", request.Priority),
            errors.Enum<HandlingCode>("handling", request.Handling),
            errors.Text("title", request.Title),
            errors.Text("description", request.Description, FieldErrors.MaxTextLength),
            errors.Optional("deadline", request.Deadline));
        errors.ThrowIfAny();
        return (id, command);
    }

    public static AcknowledgeTask ToCommand(this AcknowledgeTaskRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new AcknowledgeTask(actor, errors.Text("officer", request.Officer), errors.Required("eta", request.Eta));
        errors.ThrowIfAny();
        return command;
    }

    public static CompleteTask ToCommand(this CompleteTaskRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new CompleteTask(actor, errors.Text("outcome", request.Outcome, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }

    public static ReassignTask ToCommand(this ReassignTaskRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new ReassignTask(actor, errors.Id<AgencyCode>("assignee", request.Assignee), errors.Text("reason", request.Reason, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }

    public static PostTaskUpdate ToCommand(this TaskUpdateRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        var command = new PostTaskUpdate(actor, errors.Text("text", request.Text, FieldErrors.MaxTextLength));
        errors.ThrowIfAny();
        return command;
    }

    public static DeclineTask ToDecline(this TaskReasonRequest request, Actor actor) => new(actor, request.ReadReason());

    public static CancelTask ToCancel(this TaskReasonRequest request, Actor actor) => new(actor, request.ReadReason());

    private static string ReadReason(this TaskReasonRequest request)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, FieldErrors.MaxTextLength);
        errors.ThrowIfAny();
        return reason;
    }
}
