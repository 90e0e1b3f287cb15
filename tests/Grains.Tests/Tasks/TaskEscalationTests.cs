using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

/// <summary>Escalation runs on Orleans reminders; the silo's reminder clock is the hand-moved one.</summary>
public sealed class TaskEscalationTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(8); // the Urgent default acknowledgement window

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
            await hub.Advance(Window - TimeSpan.FromMinutes(1));
            Assert.Equal(level - 1, (await task.Get()).EscalationLevel);
            await hub.Advance(TimeSpan.FromMinutes(1));
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
    public async Task An_escalation_is_a_reminders_doing_and_appends_no_command_record()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        await hub.Task(id).Assign(hub.Assign());
        var mark = await hub.Mark();

        await hub.Advance(Window);

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
        await hub.Advance(Window);

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

        await hub.Advance(Window);
        var whileSuspended = (await task.Get()).EscalationLevel;
        await agreement.Resume(Hub.Change());
        await hub.Advance(Window);

        Assert.Equal(0, whileSuspended);
        Assert.Equal(1, (await task.Get()).EscalationLevel);
    }
}
