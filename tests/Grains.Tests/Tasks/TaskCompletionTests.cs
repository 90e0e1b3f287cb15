using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskCompletionTests
{
    [Fact]
    public async Task Completing_in_time_records_an_on_time_answer_and_closes_the_task_for_the_assignee()
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, CooperationTaskStatus.InProgress);
        var mark = await silo.Mark();

        var view = await task.Complete(new CompleteTask(Actors.Partner(Hub.Npa), "Located and detained"));

        Assert.Equal(CooperationTaskStatus.Completed, view.Status);
        Assert.Equal("Located and detained", view.Outcome);
        Assert.Equal(
            ["task/T-1:task.completed", "agreement/MOU-HUB-2026:agreement.scorecard-changed", "agency/JP-NPA:agency.status-changed"],
            await silo.EventsSince(mark));
        var completed = (await silo.Events("task/T-1"))[^1].Data;
        Assert.True(completed.GetProperty("onTime").GetBoolean());
        Assert.Equal("JP-NPA", completed.GetProperty("assignee").GetString());
        Assert.Empty((await silo.Agency(Hub.Npa).Get()).OpenTasks);
        var scorecard = (await silo.Agreement(Hub.Trilateral).Get()).Scorecard;
        Assert.Equal(100.0, scorecard.OnTimePercent);
        Assert.Equal(new PartyCounts(Hub.Code(Hub.Npa), 0, 1, 1), scorecard.Parties[1]);
    }

    [Fact]
    public async Task Completing_after_the_deadline_counts_as_late_on_the_scorecard()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        var onTime = silo.Task("T-1");
        var late = silo.Task("T-2");
        await onTime.Assign(Hub.Assign());
        await late.Assign(Hub.Assign(requester: Hub.Npa, assignee: Hub.Knpa, deadlineOverride: silo.Now.AddHours(6)));
        foreach (var (task, agency) in new[] { (onTime, Hub.Npa), (late, Hub.Knpa) })
        {
            await task.Acknowledge(Hub.Acknowledge(silo, agency));
            await task.Accept(new AcceptTask(Actors.Partner(agency)));
        }

        await onTime.Complete(new CompleteTask(Actors.Partner(Hub.Npa), "Located"));
        silo.Time.Advance(TimeSpan.FromHours(7));
        await late.Complete(new CompleteTask(Actors.Partner(Hub.Knpa), "Evidence shared"));

        var scorecard = (await agreement.Get()).Scorecard;
        Assert.Equal(50.0, scorecard.OnTimePercent);
        Assert.Equal([new PartyCounts(Hub.Code(Hub.Knpa), 1, 1, 1), new PartyCounts(Hub.Code(Hub.Npa), 1, 1, 1)], scorecard.Parties.Items());
        Assert.False((await silo.Events("task/T-2"))[^1].Data.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task Declining_and_cancelling_close_the_task_for_the_assignee_without_answering_it()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        await silo.Task("T-1").Assign(Hub.Assign());
        await silo.Task("T-2").Assign(Hub.Assign());
        var bothOpen = (await silo.Agency(Hub.Npa).Get()).OpenTasks;

        await silo.Task("T-1").Decline(new DeclineTask(Actors.Partner(Hub.Npa), "outside our jurisdiction"));
        await silo.Task("T-2").Cancel(new CancelTask(Actors.Coordinator, "withdrawn"));

        Assert.Equal([TaskId.Parse("T-1"), TaskId.Parse("T-2")], bothOpen.Items());
        Assert.Empty((await silo.Agency(Hub.Npa).Get()).OpenTasks);
        Assert.Equal("outside our jurisdiction", (await silo.Task("T-1").Get()).DeclineReason);
        Assert.Equal("withdrawn", (await silo.Task("T-2").Get()).CancelReason);
        var scorecard = (await silo.Agreement(Hub.KrJp).Get()).Scorecard;
        Assert.Null(scorecard.OnTimePercent);
        Assert.Equal(new PartyCounts(Hub.Code(Hub.Npa), 0, 2, 0), scorecard.Parties[1]);
    }
}
