using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee's steps: acknowledge, accept or decline, post updates, complete.</summary>
public sealed partial class CooperationTaskGrain
{
    public async Task<TaskView> Acknowledge(AcknowledgeTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var task = await AssigneeStep(command.Actor, false, "Acknowledge", CooperationTaskStatus.Assigned);
        var officer = Require.Text(command.Officer, "officer", 200);
        var eta = Require.Future(command.Eta, time.GetUtcNow(), "eta");
        await Save(task with { Status = CooperationTaskStatus.Acknowledged, Officer = officer, Eta = eta },
            new TaskAcknowledged(Id, task.Assignee, officer, eta));
        await UnregisterReminder(AcknowledgeReminder);
        return state.State.Task!;
    }

    public async Task<TaskView> Accept(AcceptTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var task = await AssigneeStep(command.Actor, false, "Accept", CooperationTaskStatus.Acknowledged);
        await Save(task with { Status = CooperationTaskStatus.Accepted }, new TaskAccepted(Id, task.Assignee));
        return state.State.Task!;
    }

    public async Task<TaskView> Decline(DeclineTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var task = await AssigneeStep(command.Actor, false, "Decline", CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged);
        var reason = Require.Text(command.Reason, "reason");
        await Save(task with { Status = CooperationTaskStatus.Declined, DeclineReason = reason }, new TaskDeclined(Id, task.Assignee, reason));
        await UnregisterReminder(AcknowledgeReminder);
        await Agency(task.Assignee).NoteTask(Id, false);
        return state.State.Task!;
    }

    public async Task<TaskView> PostUpdate(PostTaskUpdate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var task = await AssigneeStep(command.Actor, true, "PostUpdate", CooperationTaskStatus.Accepted, CooperationTaskStatus.InProgress);
        var update = new TaskUpdate(time.GetUtcNow(), command.Actor.Subject, Require.Text(command.Text, "text"));
        var next = task with { Status = CooperationTaskStatus.InProgress, Updates = task.Updates.Add(update) };
        await Save(next, new TaskUpdatePosted(Id, task.Assignee, update, next.Status));
        return next;
    }

    public async Task<TaskView> Complete(CompleteTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var task = await AssigneeStep(command.Actor, false, "Complete", CooperationTaskStatus.Accepted, CooperationTaskStatus.InProgress);
        var outcome = Require.Text(command.Outcome, "outcome");
        var now = time.GetUtcNow();
        var onTime = now <= task.Deadline;
        await Save(task with { Status = CooperationTaskStatus.Completed, Outcome = outcome }, new TaskCompleted(Id, task.Assignee, outcome, now, onTime));
        await GrainFactory.GetGrain<IAgreementGrain>(task.Agreement.Value).RecordAnswer(Id, task.Assignee, onTime);
        await Agency(task.Assignee).NoteTask(Id, false);
        return state.State.Task!;
    }

    /// <summary>Checks the actor (the assignee's partner; also a coordinator when allowed), the agreement and the status.</summary>
    private async Task<TaskView> AssigneeStep(Actor actor, bool coordinatorMay, string verb, params CooperationTaskStatus[] from)
    {
        var action = verb == "PostUpdate" ? $"post updates on task {GrainKey}" : $"{verb.ToLowerInvariant()} task {GrainKey}";
        ActorRules.RequireNotOperator(actor, action);
        var task = Existing();
        if (coordinatorMay)
        {
            ActorRules.RequireCoordinatorOrPartnerOf(actor, task.Assignee, action);
        }
        else
        {
            ActorRules.RequirePartnerOf(actor, task.Assignee, action);
        }
        return await Changeable(verb, from);
    }
}
