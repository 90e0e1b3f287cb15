using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>The reminder table: one row per (grain, name), upserted with a new ETag each time.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly DateTimeOffset DueAt = new(2025, 3, 2, 8, 0, 0, 250, TimeSpan.FromHours(-5));

    [Fact]
    public async Task Upserting_a_reminder_inserts_it_with_etag_1_and_each_replacement_advances_the_etag()
    {
        var inserted = await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "deadline", DueAt, TimeSpan.FromMinutes(5)));
        var replaced = await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "deadline", DueAt.AddHours(1), TimeSpan.FromSeconds(90)));

        Assert.Equal(new ReminderEntry(Agency("a"), "deadline", DueAt, TimeSpan.FromMinutes(5), "1"), inserted);
        Assert.Equal(new ReminderEntry(Agency("a"), "deadline", DueAt.AddHours(1), TimeSpan.FromSeconds(90), "2"), replaced);
        Assert.Equal(replaced, await Reminders.ReadAsync(Agency("a"), "deadline"));
    }

    [Fact]
    public async Task Reminders_are_read_one_by_grain_and_name_or_all_together()
    {
        var aDeadline = await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "deadline", DueAt, TimeSpan.FromHours(1)));
        var aEscalate = await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "escalate", DueAt, TimeSpan.FromHours(8)));
        var bDeadline = await Reminders.UpsertAsync(new ReminderEntry(new GrainId("task", "t/1"), "deadline", DueAt, TimeSpan.FromDays(3)));

        Assert.Equal(aEscalate, await Reminders.ReadAsync(Agency("a"), "escalate"));
        Assert.Equal(bDeadline, await Reminders.ReadAsync(new GrainId("task", "t/1"), "deadline"));
        Assert.Null(await Reminders.ReadAsync(Agency("b"), "deadline"));
        Assert.Null(await Reminders.ReadAsync(Agency("a"), "unknown"));
        Assert.Equal([aDeadline, aEscalate, bDeadline], await Reminders.ReadAllAsync());
    }

    [Fact]
    public async Task Removing_a_reminder_returns_true_once_and_then_false()
    {
        await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "deadline", DueAt, TimeSpan.FromHours(1)));
        var kept = await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "escalate", DueAt, TimeSpan.FromHours(1)));

        Assert.True(await Reminders.RemoveAsync(Agency("a"), "deadline"));
        Assert.False(await Reminders.RemoveAsync(Agency("a"), "deadline"));
        Assert.False(await Reminders.RemoveAsync(Agency("b"), "escalate"));

        Assert.Null(await Reminders.ReadAsync(Agency("a"), "deadline"));
        Assert.Equal([kept], await Reminders.ReadAllAsync());
    }

    [Fact]
    public async Task A_one_shot_reminder_keeps_its_infinite_period()
    {
        await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "once", DueAt, Timeout.InfiniteTimeSpan));

        var read = await Reminders.ReadAsync(Agency("a"), "once");

        Assert.Equal(new ReminderEntry(Agency("a"), "once", DueAt, Timeout.InfiniteTimeSpan, "1"), read);
        Assert.True(read!.IsOneShot);
    }
}
