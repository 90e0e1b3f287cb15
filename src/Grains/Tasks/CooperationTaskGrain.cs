using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Grains.Tasks.Events;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Tasks;

/// <summary>A cooperation task: assignment, escalation and coordinator steps (this file); the assignee's steps in the partial file.</summary>
[GrainType("task")]
public sealed partial class CooperationTaskGrain([PersistentState("task")] IPersistentState<TaskState> state, TimeProvider time)
    : Grain, ICooperationTaskGrain
{
    private const string AcknowledgeReminder = "acknowledge";
    private const int MaxEscalationLevel = 3;

    private TaskId Id => new(GrainKey);

    public async Task<TaskView> Assign(AssignTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "assign tasks");
        if (!TaskId.IsValid(GrainKey))
        {
            throw new DomainValidationException($"id: '{GrainKey}' is not a task id (3–64 letters, digits or dashes)");
        }
        if (state.State.Task is not null)
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
        var agreement = GrainFactory.GetGrain<IAgreementGrain>(command.Agreement.Value);
        var plan = await agreement.PlanRequest(command.RequestingAgency, command.Assignee, command.Area, command.Priority, now);
        var deadline = command.DeadlineOverride ?? plan.AnswerBy;
        var acknowledgeBy = plan.AcknowledgeBy < deadline ? plan.AcknowledgeBy : deadline;
        var task = new TaskView(Id, command.Agreement, command.RequestingAgency, command.Assignee, command.Kind, command.Area, command.Priority,
            command.Handling, title, description, CooperationTaskStatus.Assigned, now, acknowledgeBy, deadline,
            null, null, null, null, null, 0, []);
        var window = acknowledgeBy - now;
        state.State = new TaskState { Task = task, AcknowledgeWindow = window };
        await state.WriteStateAsync([new TaskAssigned(Id, task.Agreement, task.RequestingAgency, task.Assignee, task.Kind, task.Area,
            task.Priority, task.Handling, title, description, now, acknowledgeBy, deadline)]);
        await agreement.RecordRequest(Id, task.RequestingAgency, task.Assignee);
        await Agency(task.Assignee).NoteTask(Id, true);
        await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).AddTask(Id);
        await RegisterOrUpdateReminder(AcknowledgeReminder, window, window);
        return task;
    }

    public async Task<TaskView> Cancel(CancelTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "cancel tasks");
        var task = await Changeable("Cancel", CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged,
            CooperationTaskStatus.Accepted, CooperationTaskStatus.InProgress);
        var reason = Require.Text(command.Reason, "reason");
        await Save(task with { Status = CooperationTaskStatus.Cancelled, CancelReason = reason }, new TaskCancelled(Id, task.Assignee, reason));
        await GrainFactory.GetGrain<IAgreementGrain>(task.Agreement.Value).RecordWithdrawal(Id);
        await UnregisterReminder(AcknowledgeReminder);
        await Agency(task.Assignee).NoteTask(Id, false);
        return state.State.Task!;
    }

    public async Task<TaskView> Reassign(ReassignTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "reassign tasks");
        var task = await Changeable("Reassign", CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged, CooperationTaskStatus.Declined);
        var reason = Require.Text(command.Reason, "reason");
        if (command.NewAssignee == task.Assignee)
        {
            throw new DomainValidationException($"newAssignee: task {Id} is already assigned to {task.Assignee}");
        }
        var now = time.GetUtcNow();
        var agreement = GrainFactory.GetGrain<IAgreementGrain>(task.Agreement.Value);
        ResponseDeadlines plan;
        try
        {
            plan = await agreement.PlanRequest(task.RequestingAgency, command.NewAssignee, task.Area, task.Priority, now);
        }
        catch (DomainValidationException ex) when (ex.Message.StartsWith("assignee:", StringComparison.Ordinal))
        {
            throw new DomainValidationException("newAssignee:" + ex.Message["assignee:".Length..]);
        }
        var next = task with
        {
            Assignee = command.NewAssignee, Status = CooperationTaskStatus.Assigned, AcknowledgeBy = plan.AcknowledgeBy,
            Deadline = plan.AnswerBy, Officer = null, Eta = null, DeclineReason = null, EscalationLevel = 0,
        };
        var window = plan.AcknowledgeBy - now;
        await Save(next, new TaskReassigned(Id, task.Agreement, task.Assignee, next.Assignee, reason, task.Handling, next.AcknowledgeBy, next.Deadline), window);
        await agreement.RecordRequest(Id, task.RequestingAgency, next.Assignee);
        await Agency(task.Assignee).NoteTask(Id, false);
        await Agency(next.Assignee).NoteTask(Id, true);
        await RegisterOrUpdateReminder(AcknowledgeReminder, window, window);
        return next;
    }

    public Task<TaskView> Get() => Task.FromResult(Existing());

    /// <summary>Each acknowledgement window that passes with the task still unacknowledged raises its escalation level, up to 3.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var task = state.State.Task;
        if (reminderName != AcknowledgeReminder || task is not { Status: CooperationTaskStatus.Assigned } || task.EscalationLevel >= MaxEscalationLevel)
        {
            await UnregisterReminder(reminderName);
            return;
        }
        var agreement = await GrainFactory.GetGrain<IAgreementGrain>(task.Agreement.Value).Get();
        if (agreement.Status != AgreementStatus.Active)
        {
            if (agreement.Status != AgreementStatus.Suspended)
            {
                await UnregisterReminder(reminderName); // a suspended agreement escalates again once resumed
            }
            return;
        }
        var level = task.EscalationLevel + 1;
        await Save(task with { EscalationLevel = level },
            new TaskEscalated(Id, task.Assignee, level, $"not acknowledged by {task.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC (level {level} of {MaxEscalationLevel})"));
        if (level >= MaxEscalationLevel)
        {
            await UnregisterReminder(reminderName);
        }
    }

    /// <summary>The task, once its agreement is confirmed active and its status allows <paramref name="verb"/>.</summary>
    private async Task<TaskView> Changeable(string verb, params CooperationTaskStatus[] from)
    {
        var task = Existing();
        await GrainFactory.GetGrain<IAgreementGrain>(task.Agreement.Value).EnsureActive();
        if (!from.Contains(task.Status))
        {
            throw new InvalidTransitionException($"task {Id} is {task.Status}; cannot {verb}");
        }
        return task;
    }

    private async Task Save(TaskView next, object @event, TimeSpan? acknowledgeWindow = null)
    {
        state.State = state.State with { Task = next, AcknowledgeWindow = acknowledgeWindow ?? state.State.AcknowledgeWindow };
        await state.WriteStateAsync([@event]);
    }

    private IAgencyGrain Agency(AgencyCode agency) => GrainFactory.GetGrain<IAgencyGrain>(agency.Value);

    private TaskView Existing() => state.State.Task ?? throw new NotFoundException($"task {GrainKey} does not exist");
}
