using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskCompletionTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Completing_in_time_records_an_on_time_answer_in_the_tasks_stream_only()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.InProgress);
        var id = TaskSteps.T1(hub);
        var mark = await hub.Mark();

        var view = await task.Complete(new CompleteTask(Actors.Partner(hub.Npa), "Located and detained"));

        Assert.Equal(CooperationTaskStatus.Completed, view.Status);
        Assert.Equal("Located and detained", view.Outcome);
        Assert.Equal([$"task/{id}:task.completed", $"task/{id}:command.accepted"], await hub.RecordsSince(mark));
        var completed = (await hub.Events($"task/{id}"))[^1].Data;
        Assert.True(completed.GetProperty("onTime").GetBoolean());
        Assert.Equal(hub.Npa, completed.GetProperty("assignee").GetString());
        Assert.Equal("Located and detained", completed.GetProperty("outcome").GetString());
        Assert.Equal(hub.Now, completed.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Completing_after_the_deadline_records_a_late_answer()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign(deadlineOverride: hub.Now.AddHours(6)));
        await task.Acknowledge(hub.Acknowledge());
        await task.Accept(new AcceptTask(Actors.Partner(hub.Npa)));
        await hub.Advance(TimeSpan.FromHours(7));

        var view = await task.Complete(new CompleteTask(Actors.Partner(hub.Npa), "Evidence shared"));

        Assert.Equal(CooperationTaskStatus.Completed, view.Status);
        Assert.False((await hub.Events($"task/{id}"))[^1].Data.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task Completing_exactly_at_the_deadline_is_on_time()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign(deadlineOverride: hub.Now.AddHours(6)));
        await task.Acknowledge(hub.Acknowledge());
        await task.Accept(new AcceptTask(Actors.Partner(hub.Npa)));
        await hub.Advance(TimeSpan.FromHours(6));

        await task.Complete(new CompleteTask(Actors.Partner(hub.Npa), "Evidence shared"));

        Assert.True((await hub.Events($"task/{id}"))[^1].Data.GetProperty("onTime").GetBoolean());
    }

    [Fact]
    public async Task Declining_and_cancelling_record_their_reasons_and_end_the_task()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var (t1, t2) = (hub.Key("T-1"), hub.Key("T-2"));
        await hub.Task(t1).Assign(hub.Assign());
        await hub.Task(t2).Assign(hub.Assign());

        var declined = await hub.Task(t1).Decline(new DeclineTask(Actors.Partner(hub.Npa), "outside our jurisdiction"));
        var cancelled = await hub.Task(t2).Cancel(new CancelTask(Actors.Coordinator, "withdrawn"));

        Assert.Equal((CooperationTaskStatus.Declined, "outside our jurisdiction"), (declined.Status, declined.DeclineReason));
        Assert.Equal((CooperationTaskStatus.Cancelled, "withdrawn"), (cancelled.Status, cancelled.CancelReason));
        Assert.Equal("outside our jurisdiction", (await hub.Events($"task/{t1}"))[^1].Data.GetProperty("reason").GetString());
        Assert.Equal("withdrawn", (await hub.Events($"task/{t2}"))[^1].Data.GetProperty("reason").GetString());
    }
}
