using Orleans;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>
/// What any <see cref="IReminderTable"/> of ours must do, in the shape of Orleans' own ReminderTableTestsBase: one
/// abstract suite, one subclass per backend that only builds the table. Each test has its own store.
/// </summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    private readonly List<IReminderTable> _opened = [];

    protected ReminderTableConformanceTests() => ServiceId = $"reminders-{Guid.NewGuid():N}";

    protected string ServiceId { get; }

    protected IReminderTable Table { get; private set; } = null!;

    /// <summary>The finest start time the store keeps (PostgreSQL: a microsecond).</summary>
    protected virtual TimeSpan StartPrecision => TimeSpan.FromTicks(1);

    /// <summary>The kind of the start time read back: UTC, except Orleans' Azure Table provider, which returns the UTC value as Unspecified (Orleans' arithmetic ignores the kind).</summary>
    protected virtual DateTimeKind StartKind => DateTimeKind.Utc;

    /// <summary>
    /// What removing with an ETag the table never issued throws (it still removes nothing), or null when the table
    /// answers false: Orleans' ADO.NET table parses ETags as integers (FormatException), Azure Table sends them to the
    /// service, which refuses a malformed one (RequestFailedException).
    /// </summary>
    protected virtual Type? ForeignEtagException => null;

    /// <summary>A new table over this test's store, for <paramref name="serviceId"/>. Called again to reopen the store.</summary>
    protected abstract IReminderTable CreateTable(string serviceId);

    public virtual async Task InitializeAsync() => Table = await OpenAsync(ServiceId);

    public virtual async Task DisposeAsync()
    {
        foreach (var table in _opened)
        {
            await table.StopAsync();
        }
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_as_written_with_the_etag_the_upsert_returned()
    {
        var entry = Reminder(GuidGrain("foo/bar\\#baz?"), "foo/bar\\#b_a_z?", TimeSpan.FromSeconds(90));

        var etag = await Table.UpsertRow(entry);
        var read = await Table.ReadRow(entry.GrainId, entry.ReminderName);

        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal(entry.ReminderName, read.ReminderName);
        Assert.Equal(AtStorePrecision(entry.StartAt), read.StartAt);
        Assert.Equal(StartKind, read.StartAt.Kind);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task Reading_a_reminder_that_was_never_written_gives_null()
    {
        Assert.Null(await Table.ReadRow(GuidGrain("nobody"), "nothing"));
        Assert.Empty((await Table.ReadRows(GuidGrain("nobody"))).Reminders);
    }

    [Fact]
    public async Task Reading_by_grain_returns_that_grains_reminders_and_no_others()
    {
        var grain = GuidGrain("a");
        var other = GuidGrain("b");
        await Table.UpsertRow(Reminder(grain, "first"));
        await Table.UpsertRow(Reminder(grain, "second"));
        await Table.UpsertRow(Reminder(other, "first"));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["first", "second"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task A_ring_range_returns_exactly_the_rows_whose_hash_is_above_begin_and_at_most_end()
    {
        var hashes = await UpsertManyAsync(120);
        var random = new Random(20261126);
        var ranges = new List<(uint Begin, uint End)>
        {
            (0, uint.MaxValue),
            (hashes[3], hashes[40]), // a row sits on each bound: begin is excluded, end included
        };
        for (var i = 0; i < 40; i++)
        {
            var a = (uint)random.NextInt64(0, (long)uint.MaxValue + 1);
            var b = (uint)random.NextInt64(0, (long)uint.MaxValue + 1);
            ranges.Add((Math.Min(a, b), Math.Max(a, b)));
        }

        foreach (var (begin, end) in ranges.Where(r => r.Begin < r.End))
        {
            await AssertRangeAsync(hashes, begin, end);
        }
    }

    [Fact]
    public async Task A_range_whose_begin_is_not_below_its_end_wraps_around_the_top_of_the_ring()
    {
        var hashes = await UpsertManyAsync(120);
        var random = new Random(11262026);
        var ranges = new List<(uint Begin, uint End)>
        {
            (0, 0), // the whole ring
            (hashes[7], hashes[7]), // the whole ring, starting just after a row
            (uint.MaxValue, 0),
            (hashes[50], hashes[9]),
        };
        for (var i = 0; i < 40; i++)
        {
            var a = (uint)random.NextInt64(0, (long)uint.MaxValue + 1);
            var b = (uint)random.NextInt64(0, (long)uint.MaxValue + 1);
            ranges.Add((Math.Max(a, b), Math.Min(a, b)));
        }

        foreach (var (begin, end) in ranges)
        {
            await AssertRangeAsync(hashes, begin, end);
        }
        Assert.Equal(hashes.Count, (await Table.ReadRows(0, 0)).Reminders.Count);
    }

    [Fact]
    public async Task Removing_with_the_current_etag_succeeds_once_and_the_row_is_gone()
    {
        var entry = Reminder(GuidGrain("remove"), "r");
        var etag = await Table.UpsertRow(entry);

        Assert.True(await Table.RemoveRow(entry.GrainId, entry.ReminderName, etag!));
        Assert.False(await Table.RemoveRow(entry.GrainId, entry.ReminderName, etag!));
        Assert.Null(await Table.ReadRow(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_or_another_name_is_refused_and_keeps_the_row()
    {
        var entry = Reminder(GuidGrain("stale"), "r");
        var stale = await Table.UpsertRow(entry);
        var current = await Table.UpsertRow(entry);

        Assert.False(await Table.RemoveRow(entry.GrainId, entry.ReminderName, stale!));
        Assert.False(await Table.RemoveRow(entry.GrainId, "another", current!));
        if (ForeignEtagException is { } expected)
        {
            await Assert.ThrowsAsync(expected, () => Table.RemoveRow(entry.GrainId, entry.ReminderName, "not-an-etag"));
        }
        else
        {
            Assert.False(await Table.RemoveRow(entry.GrainId, entry.ReminderName, "not-an-etag"));
        }
        Assert.Equal(current, (await Table.ReadRow(entry.GrainId, entry.ReminderName))?.ETag);
    }

    [Fact]
    public async Task Every_upsert_gives_a_new_etag_and_a_removed_then_reinserted_reminder_never_gets_an_old_one()
    {
        var entry = Reminder(GuidGrain("etags"), "r");
        var before = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            before.Add((await Table.UpsertRow(entry))!);
        }
        Assert.True(await Table.RemoveRow(entry.GrainId, entry.ReminderName, before[^1]));

        var after = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            after.Add((await Table.UpsertRow(entry))!);
        }

        Assert.Equal(6, before.Concat(after).Distinct().Count());
        foreach (var old in before)
        {
            Assert.False(await Table.RemoveRow(entry.GrainId, entry.ReminderName, old));
        }
        Assert.Equal(after[^1], (await Table.ReadRow(entry.GrainId, entry.ReminderName))?.ETag);
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_reminder_each_get_their_own_etag_and_the_row_keeps_one_of_them()
    {
        var grain = GuidGrain("parallel");
        var start = DateTime.UtcNow;
        var etags = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            Table.UpsertRow(Reminder(grain, "r", TimeSpan.FromMinutes(1), start.AddMilliseconds(i)))));

        Assert.Equal(20, etags.Distinct().Count());
        Assert.Contains((await Table.ReadRow(grain, "r"))?.ETag, etags);
    }

    [Fact]
    public async Task Rows_and_etags_survive_stopping_the_table_and_opening_a_new_one_on_the_same_store()
    {
        var entry = Reminder(GuidGrain("durable"), "r", TimeSpan.FromHours(1));
        var etag = await Table.UpsertRow(entry);
        await Table.StopAsync();

        var reopened = await OpenAsync(ServiceId);
        var read = await reopened.ReadRow(entry.GrainId, entry.ReminderName);
        var next = await reopened.UpsertRow(entry);

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(AtStorePrecision(entry.StartAt), read.StartAt);
        Assert.Equal(entry.Period, read.Period);
        Assert.NotEqual(etag, next);
        Assert.True(await reopened.RemoveRow(entry.GrainId, entry.ReminderName, next!));
    }

    [Fact]
    public async Task Two_service_ids_on_one_store_do_not_see_or_clear_each_others_reminders()
    {
        var neighbour = await OpenAsync($"{ServiceId}-neighbour");
        var grain = GuidGrain("shared");
        await Table.UpsertRow(Reminder(grain, "r", TimeSpan.FromMinutes(1)));
        await neighbour.UpsertRow(Reminder(grain, "r", TimeSpan.FromMinutes(2)));
        await neighbour.UpsertRow(Reminder(GuidGrain("theirs"), "r"));

        Assert.Equal(TimeSpan.FromMinutes(1), (await Table.ReadRow(grain, "r"))?.Period);
        Assert.Equal(TimeSpan.FromMinutes(2), (await neighbour.ReadRow(grain, "r"))?.Period);
        Assert.Single((await Table.ReadRows(grain)).Reminders);
        Assert.Single((await Table.ReadRows(0, 0)).Reminders);
        Assert.Equal(2, (await neighbour.ReadRows(0, 0)).Reminders.Count);

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);
        Assert.Equal(2, (await neighbour.ReadRows(0, 0)).Reminders.Count);
    }

    protected async Task<IReminderTable> OpenAsync(string serviceId)
    {
        var table = CreateTable(serviceId);
        _opened.Add(table);
        await table.StartAsync();
        return table;
    }

    private async Task<List<uint>> UpsertManyAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(i => GrainId.Create("reminder-test", $"ring-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Reminder(grain, "tick"));
        }
        return grains.Select(g => g.GetUniformHashCode()).ToList();
    }

    private async Task AssertRangeAsync(IReadOnlyCollection<uint> hashes, uint begin, uint end)
    {
        var expected = hashes.Where(h => begin < end ? h > begin && h <= end : h > begin || h <= end).Order();
        var rows = await Table.ReadRows(begin, end);
        var actual = rows.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order();
        Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}] returned the wrong rows");
    }

    private static GrainId GuidGrain(string extension) =>
        GrainId.Create(GrainType.Create("reminder-test"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), extension));

    private DateTime AtStorePrecision(DateTime time) => time.AddTicks(-(time.Ticks % StartPrecision.Ticks));

    private static ReminderEntry Reminder(GrainId grain, string name, TimeSpan? period = null, DateTime? start = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = start ?? new DateTime(2026, 11, 26, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
        Period = period ?? TimeSpan.FromMinutes(1),
    };
}
