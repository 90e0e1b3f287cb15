using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskReassignmentTests
{
    [Fact]
    public async Task Reassigning_moves_the_task_between_the_agencies_open_lists_with_new_deadlines()
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, CooperationTaskStatus.Declined);
        silo.Time.Advance(TimeSpan.FromHours(3));
        var declined = (await silo.Agency(Hub.Npa).Get()).OpenTasks;
        var mark = await silo.Mark();

        var view = await task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(Hub.Rcmp), "suspect moved to Canada"));

        Assert.Empty(declined);
        Assert.Equal(Hub.Code(Hub.Rcmp), view.Assignee);
        Assert.Equal(CooperationTaskStatus.Assigned, view.Status);
        Assert.Equal((silo.Now.AddHours(8), silo.Now.AddDays(7)), (view.AcknowledgeBy, view.Deadline));
        Assert.Null(view.DeclineReason);
        Assert.Equal(0, view.EscalationLevel);
        Assert.Empty((await silo.Agency(Hub.Npa).Get()).OpenTasks);
        Assert.Equal([TaskId.Parse("T-1")], (await silo.Agency(Hub.Rcmp).Get()).OpenTasks.Items());
        Assert.Equal(
            ["task/T-1:task.reassigned", "agreement/MOU-HUB-2026:agreement.scorecard-changed", "agency/CA-RCMP:agency.status-changed"],
            await silo.EventsSince(mark));
        Assert.Equal(
            [new PartyCounts(Hub.Code(Hub.Knpa), 1, 0, 0), new PartyCounts(Hub.Code(Hub.Npa), 0, 0, 0), new PartyCounts(Hub.Code(Hub.Rcmp), 0, 1, 0)],
            (await silo.Agreement(Hub.Trilateral).Get()).Scorecard.Parties.Items());
        var reassigned = (await silo.Events("task/T-1"))[^1].Data;
        Assert.Equal(("JP-NPA", "CA-RCMP", "Amber"), (reassigned.GetProperty("from").GetString(), reassigned.GetProperty("to").GetString(), reassigned.GetProperty("handling").GetString()));
    }

    [Fact]
    public async Task Reassigning_an_open_task_closes_it_for_the_old_assignee_and_the_new_one_escalates_on_its_own_window()
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, CooperationTaskStatus.Assigned);
        silo.Time.Advance(TimeSpan.FromHours(8));
        await silo.WhenEvent("task/T-1", "task.escalated").Within();
        silo.Time.Advance(TimeSpan.FromHours(2));

        await task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(Hub.Rcmp), "suspect moved to Canada"));
        silo.Time.Advance(TimeSpan.FromHours(8));
        await silo.WhenEvent("task/T-1", "task.escalated", 2).Within();

        Assert.Empty((await silo.Agency(Hub.Npa).Get()).OpenTasks);
        Assert.Equal([TaskId.Parse("T-1")], (await silo.Agency(Hub.Rcmp).Get()).OpenTasks.Items());
        var escalated = (await silo.Events("task/T-1"))[^1].Data;
        Assert.Equal(1, escalated.GetProperty("level").GetInt32());
        Assert.Equal("CA-RCMP", escalated.GetProperty("assignee").GetString());
        Assert.Equal(1, (await task.Get()).EscalationLevel);
    }

    [Fact]
    public async Task Reassigning_to_the_current_assignee_or_a_non_party_is_refused()
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, CooperationTaskStatus.Assigned);
        await silo.RegisterAgencies("US-FBI");
        var mark = await silo.Mark();

        var same = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(Hub.Npa), "x")));
        var outsider = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code("US-FBI"), "x")));
        var requester = await Assert.ThrowsAsync<DomainValidationException>(() => task.Reassign(new ReassignTask(Actors.Coordinator, Hub.Code(Hub.Knpa), "x")));

        Assert.Equal("newAssignee: task T-1 is already assigned to JP-NPA", same.Message);
        Assert.Equal("newAssignee: US-FBI is not a party to agreement MOU-HUB-2026", outsider.Message);
        Assert.Equal("newAssignee: KR-KNPA cannot be assigned its own request", requester.Message);
        Assert.Equal(Hub.Code(Hub.Npa), (await task.Get()).Assignee);
        Assert.Empty(await silo.EventsSince(mark));
    }
}
