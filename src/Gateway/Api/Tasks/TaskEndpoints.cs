using AcknowledgeTaskRequest = PolicingHub.Contracts.Tasks.AcknowledgeTaskRequest;
using AssignTaskRequest = PolicingHub.Contracts.Tasks.AssignTaskRequest;
using CompleteTaskRequest = PolicingHub.Contracts.Tasks.CompleteTaskRequest;
using ReassignTaskRequest = PolicingHub.Contracts.Tasks.ReassignTaskRequest;
using TaskReasonRequest = PolicingHub.Contracts.Tasks.TaskReasonRequest;
using TaskUpdateRequest = PolicingHub.Contracts.Tasks.TaskUpdateRequest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PolicingHub.Gateway.Api.Access;
using PolicingHub.Gateway.Api.Audit;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Tasks;

/// <summary>/api/tasks: assign (coordinators), list and read (filtered by visibility), and the task lifecycle.</summary>
internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapPost("/", Assign).RequireAuthorization(GatewayPolicies.Coordinator).Audited("task.assign");
        tasks.MapGet("/", List).RequireAuthorization(GatewayPolicies.CaseWork);
        tasks.MapGet("/{id}", Get).RequireAuthorization(GatewayPolicies.CaseWork);
        Map<AcknowledgeTaskRequest, AcknowledgeTask>(tasks, "acknowledge", GatewayPolicies.Partner, (r, a) => r.ToCommand(a), (g, c) => g.Acknowledge(c));
        tasks.MapPost("/{id}/accept", Accept).RequireAuthorization(GatewayPolicies.Partner).Audited("task.accept");
        Map<TaskReasonRequest, DeclineTask>(tasks, "decline", GatewayPolicies.Partner, (r, a) => r.ToDecline(a), (g, c) => g.Decline(c));
        Map<TaskUpdateRequest, PostTaskUpdate>(tasks, "updates", GatewayPolicies.CaseWork, (r, a) => r.ToCommand(a), (g, c) => g.PostUpdate(c), "task.update");
        Map<CompleteTaskRequest, CompleteTask>(tasks, "complete", GatewayPolicies.Partner, (r, a) => r.ToCommand(a), (g, c) => g.Complete(c));
        Map<TaskReasonRequest, CancelTask>(tasks, "cancel", GatewayPolicies.Coordinator, (r, a) => r.ToCancel(a), (g, c) => g.Cancel(c));
        Map<ReassignTaskRequest, ReassignTask>(tasks, "reassign", GatewayPolicies.Coordinator, (r, a) => r.ToCommand(a), (g, c) => g.Reassign(c));
    }

    private static async Task<Created<TaskView>> Assign(Body<AssignTaskRequest> body, ApiContext api)
    {
        var (requested, command) = body.Value.ToCommand(api.Actor);
        var id = requested?.Value ?? IdGenerator.TaskId(api.Time.GetUtcNow(), api.Actor.Subject, api.IdempotencyKey);
        api.Http.SetAuditTarget(id);
        var view = await api.Command<ICooperationTaskGrain>(id).Send(g => g.Assign(command));
        return TypedResults.Created($"/api/tasks/{id}", view);
    }

    private static async Task<Ok<IReadOnlyList<TaskView>>> List(string? agency, string? status, ApiContext api)
    {
        var errors = new FieldErrors();
        var involving = errors.OptionalId<AgencyCode>("agency", agency);
        var overdue = string.Equals(status, OverdueFilter, StringComparison.OrdinalIgnoreCase);
        var inStatus = overdue ? null : errors.OptionalEnum<CooperationTaskStatus>("status", status);
        errors.ThrowIfAny();
        var tasks = await api.VisibleTasks();
        var now = api.Time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<TaskView>>([.. tasks
            .Where(t => involving is not { } a || t.Assignee == a || t.RequestingAgency == a)
            .Where(t => inStatus is not { } s || t.Status == s)
            .Where(t => !overdue || (IsOpen(t.Status) && t.Deadline < now))
            .OrderBy(t => t.AssignedAt)
            .ThenBy(t => t.Id.Value, StringComparer.Ordinal)]);
    }

    /// <summary>?status=Overdue: open tasks (assigned, acknowledged, accepted, in progress) past their deadline.</summary>
    private const string OverdueFilter = "Overdue";

    private static bool IsOpen(CooperationTaskStatus status) => status is CooperationTaskStatus.Assigned or CooperationTaskStatus.Acknowledged
        or CooperationTaskStatus.Accepted or CooperationTaskStatus.InProgress;

    private static async Task<Ok<TaskView>> Get(string id, ApiContext api) => TypedResults.Ok(await api.VisibleTask(RouteIds.Task(id)));

    private static async Task<Ok<TaskView>> Accept(string id, ApiContext api)
    {
        var task = RouteIds.Task(id);
        await api.EnsurePartnerSeesTask(task);
        return TypedResults.Ok(await api.Command<ICooperationTaskGrain>(task.Value).Send(g => g.Accept(new AcceptTask(api.Actor))));
    }

    /// <summary>
    /// POST /api/tasks/{id}/{verb}: the body is validated into its command before any grain call, then sent; audited as
    /// "task.{verb}" unless <paramref name="action"/> names it.
    /// </summary>
    private static void Map<TRequest, TCommand>(
        RouteGroupBuilder tasks,
        string verb,
        string policy,
        Func<TRequest, Actor, TCommand> toCommand,
        Func<ICooperationTaskGrain, TCommand, Task<TaskView>> send,
        string? action = null)
        where TRequest : class
    {
        tasks.MapPost($"/{{id}}/{verb}", async Task<Ok<TaskView>> (string id, Body<TRequest> body, ApiContext api) =>
            {
                var task = RouteIds.Task(id);
                var command = toCommand(body.Value, api.Actor);
                await api.EnsurePartnerSeesTask(task);
                return TypedResults.Ok(await api.Command<ICooperationTaskGrain>(task.Value).Send(g => send(g, command)));
            })
            .RequireAuthorization(policy)
            .Audited(action ?? $"task.{verb}");
    }
}
