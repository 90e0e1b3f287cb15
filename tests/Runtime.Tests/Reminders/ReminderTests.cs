using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.Runtime.Tests.Reminders;

public sealed class ReminderTests
{
    private static readonly TimeSpan Once = Timeout.InfiniteTimeSpan;

    [Fact]
    public async Task A_one_shot_reminder_fires_at_its_due_time_through_the_grain_and_is_then_removed()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>("due");
        await grain.Remind("commitment-due", TimeSpan.FromHours(8), Once);

        silo.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(0, silo.Probe.Count("reminder:due:commitment-due"));
        silo.Time.Advance(TimeSpan.FromHours(1));

        await silo.Probe.WhenNoted("reminder:due:commitment-due").Within();
        await WaitUntilRemoved(silo, "due", "commitment-due");
        silo.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, silo.Probe.Count("reminder:due:commitment-due"));
    }

    [Fact]
    public async Task A_reminder_due_months_ahead_fires_on_its_day_and_not_before()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>("far");
        await grain.Remind("agreement-expiry", TimeSpan.FromDays(400), Once);

        silo.Time.Advance(TimeSpan.FromDays(399));
        Assert.Equal(0, silo.Probe.Count("reminder:far:agreement-expiry"));
        silo.Time.Advance(TimeSpan.FromDays(1));

        await silo.Probe.WhenNoted("reminder:far:agreement-expiry").Within();
    }

    [Fact]
    public async Task A_periodic_reminder_fires_every_period_until_unregistered()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>("periodic");
        await grain.Remind("escalate", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

        for (var n = 1; n <= 3; n++)
        {
            silo.Time.Advance(TimeSpan.FromMinutes(10));
            await silo.Probe.WhenNoted($"reminder:periodic:escalate:{n}").Within();
        }
        await grain.Forget("escalate");
        silo.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, silo.Probe.Count("reminder:periodic:escalate"));
        Assert.False(await grain.Has("escalate"));
    }

    [Fact]
    public async Task A_reminder_still_fires_after_the_process_restarts_on_the_same_sqlite_file()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider();
        await using (var before = await TestSilo.StartAsync(db.Store, time))
        {
            await before.Grains.GetGrain<IReminderGrain>("restart").Remind("deadline", TimeSpan.FromMinutes(30), Once);
        }

        await using var after = await TestSilo.StartAsync(db.Store, time);
        Assert.Equal(0, after.Probe.Count("reminder:restart:deadline"));
        time.Advance(TimeSpan.FromMinutes(30));

        await after.Probe.WhenNoted("reminder:restart:deadline").Within();
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_the_silo_was_down_fires_when_it_starts()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider();
        await using (var before = await TestSilo.StartAsync(db.Store, time))
        {
            await before.Grains.GetGrain<IReminderGrain>("missed").Remind("deadline", TimeSpan.FromMinutes(5), Once);
        }
        time.Advance(TimeSpan.FromHours(1)); // nobody running

        await using var after = await TestSilo.StartAsync(db.Store, time);
        time.Advance(TimeSpan.Zero);

        await after.Probe.WhenNoted("reminder:missed:deadline").Within();
    }

    [Fact]
    public async Task A_grain_timer_ticks_each_period_and_stops_with_its_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>("timer");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        for (var n = 1; n <= 3; n++)
        {
            silo.Time.Advance(TimeSpan.FromSeconds(1));
            await silo.Probe.WhenNoted($"tick:timer:{n}").Within();
        }
        await grain.Deactivate();
        await silo.Probe.WhenNoted("deactivated:timer").Within();

        silo.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3, silo.Probe.Notes.Count(n => n.StartsWith("tick:timer:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Timer_ticks_do_not_keep_an_idle_activation_alive()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>("idle-timer");
        await grain.StartTimer(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

        silo.Time.Advance(TimeSpan.FromMinutes(11));
        await silo.Probe.WhenNoted("tick:idle-timer:1").Within();
        silo.Time.Advance(TimeSpan.FromMinutes(5));

        await silo.Probe.WhenNoted("deactivated:idle-timer").Within();
    }

    private static async Task WaitUntilRemoved(TestSilo silo, string key, string name)
    {
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = new GrainId("reminder", key);
        var attempts = 0;
        while (await table.ReadAsync(grainId, name) is not null)
        {
            Assert.True(++attempts < 1000, "the one-shot reminder row was not removed");
            await Task.Yield();
        }
    }
}
