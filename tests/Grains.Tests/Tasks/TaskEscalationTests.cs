using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskEscalationTests
{
    private const string Stream = "task/T-1";
    private static readonly TimeSpan Window = TimeSpan.FromHours(8); // Urgent default acknowledgement window

    [Fact]
    public async Task An_unacknowledged_task_escalates_once_per_window_up_to_level_three_and_then_stops()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        var task = silo.Task("T-1");
        await task.Assign(Hub.Assign());

        for (var level = 1; level <= 3; level++)
        {
            silo.Time.Advance(Window - TimeSpan.FromMinutes(1));
            Assert.Equal(level - 1, (await task.Get()).EscalationLevel);
            silo.Time.Advance(TimeSpan.FromMinutes(1));
            await silo.WhenEvent(Stream, "task.escalated", level).Within();
            Assert.Equal(level, (await task.Get()).EscalationLevel);
        }
        await WhenReminderGone(silo);
        silo.Time.Advance(Window * 3);

        Assert.Equal(["task.assigned", "task.escalated", "task.escalated", "task.escalated"], await silo.EventTypes(Stream));
        var levels = (await silo.Events(Stream)).Skip(1).Select(e => e.Data.GetProperty("level").GetInt32());
        Assert.Equal([1, 2, 3], levels);
        var first = (await silo.Events(Stream))[1].Data;
        Assert.Equal("JP-NPA", first.GetProperty("assignee").GetString());
        Assert.Equal("not acknowledged by 2026-11-22 17:00 UTC (level 1 of 3)", first.GetProperty("reason").GetString());
        Assert.Equal(CooperationTaskStatus.Assigned, (await task.Get()).Status);
    }

    [Fact]
    public async Task Acknowledging_stops_the_escalation_at_its_current_level()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        var task = silo.Task("T-1");
        await task.Assign(Hub.Assign());
        silo.Time.Advance(Window);
        await silo.WhenEvent(Stream, "task.escalated").Within();

        await task.Acknowledge(Hub.Acknowledge(silo));
        await WhenReminderGone(silo);
        silo.Time.Advance(Window * 4);

        var view = await task.Get();
        Assert.Equal(1, view.EscalationLevel);
        Assert.Equal(CooperationTaskStatus.Acknowledged, view.Status);
        Assert.Equal(["task.assigned", "task.escalated", "task.acknowledged"], await silo.EventTypes(Stream));
    }

    [Fact]
    public async Task A_task_acknowledged_in_time_never_escalates()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        var task = silo.Task("T-1");
        await task.Assign(Hub.Assign());
        silo.Time.Advance(TimeSpan.FromHours(1));

        await task.Acknowledge(Hub.Acknowledge(silo));
        silo.Time.Advance(Window * 4);

        Assert.Equal(0, (await task.Get()).EscalationLevel);
        Assert.Equal(["task.assigned", "task.acknowledged"], await silo.EventTypes(Stream));
    }

    [Fact]
    public async Task A_suspended_agreement_holds_escalation_until_it_resumes()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        var task = silo.Task("T-1");
        await task.Assign(Hub.Assign());
        await agreement.Suspend(Hub.Change("review"));

        silo.Time.Advance(Window);
        var whileSuspended = (await task.Get()).EscalationLevel;
        await agreement.Resume(Hub.Change());
        silo.Time.Advance(Window);
        await silo.WhenEvent(Stream, "task.escalated").Within();

        Assert.Equal(0, whileSuspended);
        Assert.Equal(1, (await task.Get()).EscalationLevel);
    }

    private static async Task WhenReminderGone(DomainSilo silo)
    {
        var table = silo.Services.GetRequiredService<IReminderTable>();
        for (var attempt = 0; await table.ReadAsync(new GrainId("task", "T-1"), "acknowledge") is not null; attempt++)
        {
            Assert.True(attempt < 1000, "the acknowledge reminder was not removed");
            await Task.Yield();
        }
    }
}
