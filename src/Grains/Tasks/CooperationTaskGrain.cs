using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Placement;
using PolicingHub.Grains.Rules;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains.Tasks;

/// <summary>
/// A cooperation task on "task/{id}": assignment, escalation and coordinator steps (this file); the assignee's steps in
/// the partial file. It reads its agreement before it writes (plan, active?) and never calls another grain after.
/// </summary>
[GrainType("task")]
[HomeRegionPlacement]
public sealed partial class CooperationTaskGrain([FromKeyedServices(DomainTime.Key)] TimeProvider time)
    : EventSourcedGrain<TaskState>, ICooperationTaskGrain
{
    private const int MaxEscalationLevel = 3;

    protected override string StreamKind => "task";

    private TaskId Id => new(Key);

    protected override TaskState Apply(TaskState state, object @event) => state.Apply(@event);

    /// <summary>
    /// Assigns the task, then lets the activation go once this call is done: a new task waits minutes to hours for its
    /// assignee, and the log holds it meanwhile. Kept until Orleans' idle collection (15 minutes), every assignment of a
    /// busy hub stayed on the heap, and each garbage collection copied the newest of them (S6: half the GC pause time).
    /// </summary>
    public async Task<TaskView> Assign(AssignTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var view = await Execute<TaskView>(nameof(Assign), command.Actor, command, async () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "assign tasks");
            if (!TaskId.IsValid(Key))
            {
                throw new DomainValidationException($"id: '{Key}' is not a task id (3–64 letters, digits or dashes)");
            }
            if (State.Task is not null)
            {
                throw new ConflictException($"task {Id} already exists");
            }
            var title = Require.Text(command.Title, "title");
            var description = Require.Text(command.Description, "description");
            if (!Enum.IsDefined(command.Kind) || !Enum.IsDefined(command.Handling))
            {
                throw new DomainValidationException(Enum.IsDefined(command.Kind) ? $"handling: {command.Handling} is not a handling code" : $"kind: {command.Kind} is not a task kind");
            }
            if (!AgreementId.IsValid(command.Agreement.Value))
            {
                throw new DomainValidationException($"agreement: '{command.Agreement.Value}' is not an agreement id");
            }
            var now = time.GetUtcNow();
            if (command.DeadlineOverride is { } deadlineOverride)
            {
                Require.Future(deadlineOverride, now, "deadlineOverride");
            }
            var plan = await Agreement(command.Agreement).PlanRequest(command.RequestingAgency, command.Assignee, command.Area, command.Priority, now);
            var deadline = command.DeadlineOverride ?? plan.AnswerBy;
            var acknowledgeBy = plan.AcknowledgeBy < deadline ? plan.AcknowledgeBy : deadline;
            return [new TaskAssigned(Id, command.Agreement, command.RequestingAgency, command.Assignee, command.Kind, command.Area,
                command.Priority, command.Handling, title, description, now, acknowledgeBy, deadline)];
        }, Current);
        DeactivateOnIdle();
        return view;
    }

    public Task<TaskView> Cancel(CancelTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(Cancel), command.Actor, command, async () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "cancel tasks");
            var task = await Changeable("Cancel", CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged,
                CooperationTaskStatus.Accepted, CooperationTaskStatus.InProgress);
            var reason = Require.Text(command.Reason, "reason");
            return [new TaskCancelled(Id, task.Assignee, reason)];
        }, Current);
    }

    public Task<TaskView> Reassign(ReassignTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(Reassign), command.Actor, command, async () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "reassign tasks");
            var task = await Changeable("Reassign", CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged, CooperationTaskStatus.Declined);
            var reason = Require.Text(command.Reason, "reason");
            if (command.NewAssignee == task.Assignee)
            {
                throw new DomainValidationException($"assignee: task {Id} is already assigned to {task.Assignee}");
            }
            var now = time.GetUtcNow();
            // The agreement names a refused assignee "assignee", the field of the reassign request.
            var plan = await Agreement(task.Agreement).PlanRequest(task.RequestingAgency, command.NewAssignee, task.Area, task.Priority, now);
            return [new TaskReassigned(Id, task.Agreement, task.Assignee, command.NewAssignee, reason, task.Handling, plan.AcknowledgeBy, plan.AnswerBy, now)];
        }, Current);
    }

    public Task<TaskView> Get() => Task.FromResult(Existing());

    /// <summary>
    /// Each acknowledgement window that passes with the task still unacknowledged raises its escalation level, up to 3;
    /// asked by the escalation scheduler, it answers when to ask again (null: never). Idempotent: asking twice at the
    /// same time escalates once.
    /// </summary>
    public async Task<DateTimeOffset?> CheckEscalation()
    {
        var task = State.Task;
        if (task is not { Status: CooperationTaskStatus.Assigned } || task.EscalationLevel >= MaxEscalationLevel)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var window = Window();
        var dueLevel = now < task.AcknowledgeBy ? 0 : Math.Min(MaxEscalationLevel, 1 + (int)Math.Floor((now - task.AcknowledgeBy) / window));
        if (dueLevel <= task.EscalationLevel)
        {
            return task.AcknowledgeBy + window * task.EscalationLevel; // the next level's time
        }
        var agreement = await Agreement(task.Agreement).GetStatus();
        if (agreement != AgreementStatus.Active)
        {
            return agreement == AgreementStatus.Suspended ? now + window : null; // a suspended agreement escalates again once resumed
        }
        var level = task.EscalationLevel + 1;
        await AppendSystemEventsAsync([new TaskEscalated(Id, task.Assignee, level,
            $"not acknowledged by {task.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC (level {level} of {MaxEscalationLevel})")]);
        return level >= MaxEscalationLevel ? null : task.AcknowledgeBy + window * level;
    }

    /// <summary>Task escalation once ran on one reminder per task; one left in a reminder table from then is removed.</summary>
    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => Reminders.Cancel(this, reminderName);

    /// <summary>The task, once its agreement is confirmed active and its status allows <paramref name="verb"/>.</summary>
    private async Task<TaskView> Changeable(string verb, params CooperationTaskStatus[] from)
    {
        var task = Existing();
        await Agreement(task.Agreement).EnsureActive();
        if (!from.Contains(task.Status))
        {
            throw new InvalidTransitionException($"task {Id} is {task.Status}; cannot {verb}");
        }
        return task;
    }

    /// <summary>The escalation period: the acknowledgement window, at least the scheduler's tick.</summary>
    private TimeSpan Window() => State.AcknowledgeWindow > Escalation.TaskEscalationGrain.Tick ? State.AcknowledgeWindow : Escalation.TaskEscalationGrain.Tick;

    private IAgreementGrain Agreement(AgreementId id) => GrainFactory.Reference<IAgreementGrain>(id.Value);

    private static TaskView Current(TaskState state) => state.Task!;

    private TaskView Existing() => State.Task ?? throw new NotFoundException($"task {Key} does not exist");
}
