using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks.Escalation;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

/// <summary>
/// Escalation runs on the escalation scheduler, which one Orleans reminder wakes every <see cref="TaskEscalationGrain.Tick"/>;
/// the silo's reminder clock is the hand-moved one. An escalation is raised within a tick of falling due, never before.
/// </summary>
public sealed class TaskEscalationTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(8); // the Urgent default acknowledgement window
    private static readonly TimeSpan Tick = TaskEscalationGrain.Tick;

    [Fact]
    public async Task An_unacknowledged_task_escalates_once_per_window_up_to_level_three_and_then_stops()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        var assigned = await task.Assign(hub.Assign());

        for (var level = 1; level <= 3; level++)
        {
            var due = assigned.AcknowledgeBy + Window * (level - 1);
            await hub.Advance(due - TimeSpan.FromMinutes(1) - hub.Now);
            Assert.Equal(level - 1, (await task.Get()).EscalationLevel);
            await hub.Advance(due + Tick - hub.Now);
            Assert.Equal(level, (await task.Get()).EscalationLevel);
        }
        await hub.Advance(Window * 3);

        Assert.Equal(["task.assigned", "task.escalated", "task.escalated", "task.escalated"], await hub.EventTypes($"task/{id}"));
        var escalations = (await hub.Events($"task/{id}")).Skip(1).Select(e => e.Data).ToList();
        Assert.Equal([1, 2, 3], escalations.Select(e => e.GetProperty("level").GetInt32()));
        Assert.Equal(hub.Npa, escalations[0].GetProperty("assignee").GetString());
        Assert.Equal($"not acknowledged by {assigned.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC (level 1 of 3)", escalations[0].GetProperty("reason").GetString());
        Assert.Equal(CooperationTaskStatus.Assigned, (await task.Get()).Status);
    }

    [Fact]
    public async Task An_escalation_is_the_schedulers_doing_and_appends_no_command_record()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        await hub.Task(id).Assign(hub.Assign());
        var mark = await hub.Mark();

        await hub.Advance(Window + Tick);

        Assert.Equal([$"task/{id}:task.escalated"], await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Acknowledging_stops_the_escalation_at_its_current_level()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign());
        await hub.Advance(Window + Tick);

        await task.Acknowledge(hub.Acknowledge());
        await hub.Advance(Window * 4);

        var view = await task.Get();
        Assert.Equal(1, view.EscalationLevel);
        Assert.Equal(CooperationTaskStatus.Acknowledged, view.Status);
        Assert.Equal(["task.assigned", "task.escalated", "task.acknowledged"], await hub.EventTypes($"task/{id}"));
    }

    [Fact]
    public async Task A_task_acknowledged_in_time_never_escalates()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign());
        await hub.Advance(TimeSpan.FromHours(1));

        await task.Acknowledge(hub.Acknowledge());
        await hub.Advance(Window * 4);

        Assert.Equal(0, (await task.Get()).EscalationLevel);
        Assert.Equal(["task.assigned", "task.acknowledged"], await hub.EventTypes($"task/{id}"));
    }

    [Fact]
    public async Task A_suspended_agreement_holds_escalation_until_it_resumes()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        var task = hub.Task(hub.Key("T-1"));
        await task.Assign(hub.Assign());
        await agreement.Suspend(Hub.Change("review"));

        await hub.Advance(Window + Tick);
        var whileSuspended = (await task.Get()).EscalationLevel;
        await agreement.Resume(Hub.Change());
        await hub.Advance(Window + Tick);

        Assert.Equal(0, whileSuspended);
        Assert.Equal(1, (await task.Get()).EscalationLevel);
    }

    [Fact]
    public async Task Asking_a_task_twice_at_the_same_time_escalates_it_once()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        var assigned = await task.Assign(hub.Assign());
        await hub.Advance(Window - TimeSpan.FromMinutes(1));
        hub.Silo.Time.Advance(TimeSpan.FromMinutes(1)); // due now, before the scheduler's next tick

        var first = await task.CheckEscalation();
        var second = await task.CheckEscalation();

        Assert.Equal((assigned.AcknowledgeBy + Window, assigned.AcknowledgeBy + Window), (first, second));
        Assert.Equal(["task.assigned", "task.escalated"], await hub.EventTypes($"task/{id}"));
    }

    [Fact]
    public async Task The_scheduler_deactivated_between_ticks_picks_up_where_it_was_and_still_escalates_on_time()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        var assigned = await task.Assign(hub.Assign());
        await hub.Advance(TimeSpan.FromHours(1));

        await hub.Silo.Deactivate(hub.Silo.Grains.GetGrain<ITaskEscalationGrain>(TaskEscalationGrain.Key));
        await hub.Advance(assigned.AcknowledgeBy + Tick - hub.Now);

        Assert.Equal(1, (await task.Get()).EscalationLevel);
    }

    [Fact]
    public async Task A_task_no_longer_waiting_on_its_assignee_answers_never_again()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var task = hub.Task(hub.Key("T-1"));
        await task.Assign(hub.Assign());
        await task.Acknowledge(hub.Acknowledge());

        Assert.Null(await task.CheckEscalation());
    }
}
