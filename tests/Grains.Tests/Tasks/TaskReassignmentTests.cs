using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tasks.Escalation;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskReassignmentTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Reassigning_a_declined_task_gives_the_new_assignee_fresh_deadlines()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.Declined);
        var id = TaskSteps.T1(hub);
        await hub.Advance(TimeSpan.FromHours(3));
        var mark = await hub.Mark();

        var view = await task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(hub.Rcmp), "suspect moved to Canada"));

        Assert.Equal(Hub.Code(hub.Rcmp), view.Assignee);
        Assert.Equal(CooperationTaskStatus.Assigned, view.Status);
        Assert.Equal((hub.Now.AddHours(8), hub.Now.AddDays(7)), (view.AcknowledgeBy, view.Deadline));
        Assert.Null(view.DeclineReason);
        Assert.Null(view.Officer);
        Assert.Equal(0, view.EscalationLevel);
        Assert.Equal([$"task/{id}:task.reassigned", $"task/{id}:command.accepted"], await hub.RecordsSince(mark));
        var reassigned = (await hub.Events($"task/{id}"))[^1].Data;
        Assert.Equal((hub.Npa, hub.Rcmp, "Amber", "suspect moved to Canada"), (reassigned.GetProperty("from").GetString(), reassigned.GetProperty("to").GetString(),
            reassigned.GetProperty("handling").GetString(), reassigned.GetProperty("reason").GetString()));
        Assert.Equal(hub.Now, reassigned.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(view.AcknowledgeBy, reassigned.GetProperty("acknowledgeBy").GetDateTimeOffset());
        Assert.Equal(view.Deadline, reassigned.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Reassigning_an_escalated_task_restarts_escalation_for_the_new_assignee_on_its_own_window()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.Assigned);
        var id = TaskSteps.T1(hub);
        await hub.Advance(TimeSpan.FromHours(8) + TaskEscalationGrain.Tick);
        var escalatedBefore = (await task.Get()).EscalationLevel;
        await hub.Advance(TimeSpan.FromHours(2));

        var reassigned = await task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(hub.Rcmp), "suspect moved to Canada"));
        await hub.Advance(reassigned.AcknowledgeBy - TimeSpan.FromMinutes(1) - hub.Now);
        var minuteBefore = (await task.Get()).EscalationLevel;
        await hub.Advance(reassigned.AcknowledgeBy + TaskEscalationGrain.Tick - hub.Now);

        Assert.Equal((1, 0, 0), (escalatedBefore, reassigned.EscalationLevel, minuteBefore));
        Assert.Equal(1, (await task.Get()).EscalationLevel);
        Assert.Equal(["task.escalated", "task.reassigned", "task.escalated"], (await hub.EventTypes($"task/{id}")).TakeLast(3));
        var escalated = (await hub.Events($"task/{id}"))[^1].Data;
        Assert.Equal(1, escalated.GetProperty("level").GetInt32());
        Assert.Equal(hub.Rcmp, escalated.GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Reassigning_to_the_current_assignee_a_non_party_or_the_requester_is_refused()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.Assigned);
        var fbi = hub.Numbered("US-FBI");
        await hub.RegisterAgencies(fbi);
        var mark = await hub.Mark();

        var same = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(hub.Npa), "x")));
        var outsider = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(fbi), "x")));
        var requester = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(hub.Knpa), "x")));
        var reason = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(hub.Rcmp), "")));

        Assert.Equal($"assignee: task {TaskSteps.T1(hub)} is already assigned to {hub.Npa}", same.Message);
        Assert.Equal($"assignee: {fbi} is not a party to agreement {hub.Trilateral}", outsider.Message);
        Assert.Equal($"assignee: {hub.Knpa} cannot be assigned its own request", requester.Message);
        Assert.Equal("reason: must not be empty", reason.Message);
        Assert.Equal(Hub.Code(hub.Npa), (await task.Get()).Assignee);
        Assert.Empty(await hub.RecordsSince(mark));
    }
}
