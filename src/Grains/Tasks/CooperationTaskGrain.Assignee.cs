using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains.Tasks;

/// <summary>The assignee's steps: acknowledge, accept or decline, post updates, complete.</summary>
public sealed partial class CooperationTaskGrain
{
    public Task<TaskView> Acknowledge(AcknowledgeTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(Acknowledge), command.Actor, command, async () =>
        {
            var task = await AssigneeStep(command.Actor, false, "Acknowledge", CooperationTaskStatus.Assigned);
            var officer = Require.Text(command.Officer, "officer", 200);
            var eta = Require.Future(command.Eta, time.GetUtcNow(), "eta");
            return [new TaskAcknowledged(Id, task.Assignee, officer, eta)];
        }, Current);
    }

    public Task<TaskView> Accept(AcceptTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(Accept), command.Actor, command, async () =>
        {
            var task = await AssigneeStep(command.Actor, false, "Accept", CooperationTaskStatus.Acknowledged);
            return [new TaskAccepted(Id, task.Assignee)];
        }, Current);
    }

    public Task<TaskView> Decline(DeclineTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(Decline), command.Actor, command, async () =>
        {
            var task = await AssigneeStep(command.Actor, false, "Decline", CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged);
            var reason = Require.Text(command.Reason, "reason");
            return [new TaskDeclined(Id, task.Assignee, reason)];
        }, Current);
    }

    public Task<TaskView> PostUpdate(PostTaskUpdate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(PostUpdate), command.Actor, command, async () =>
        {
            var task = await AssigneeStep(command.Actor, true, "PostUpdate", CooperationTaskStatus.Accepted, CooperationTaskStatus.InProgress);
            var update = new TaskUpdate(time.GetUtcNow(), command.Actor.Subject, Require.Text(command.Text, "text"));
            return [new TaskUpdatePosted(Id, task.Assignee, update, CooperationTaskStatus.InProgress)];
        }, Current);
    }

    public Task<TaskView> Complete(CompleteTask command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<TaskView>(nameof(Complete), command.Actor, command, async () =>
        {
            var task = await AssigneeStep(command.Actor, false, "Complete", CooperationTaskStatus.Accepted, CooperationTaskStatus.InProgress);
            var outcome = Require.Text(command.Outcome, "outcome");
            var now = time.GetUtcNow();
            return [new TaskCompleted(Id, task.Assignee, outcome, now, now <= task.Deadline)];
        }, Current);
    }

    /// <summary>Checks the actor (the assignee's partner; also a coordinator when allowed), the agreement and the status.</summary>
    private async Task<TaskView> AssigneeStep(Actor actor, bool coordinatorMay, string verb, params CooperationTaskStatus[] from)
    {
        var action = verb == "PostUpdate" ? $"post updates on task {Key}" : $"{verb.ToLowerInvariant()} task {Key}";
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
