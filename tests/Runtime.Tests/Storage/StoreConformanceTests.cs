using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>
/// What every store profile must do (DESIGN.md §4, §5): conditional writes on ETags, state, events and the pending
/// command record committed together, a gapless event log, a command ledger that never forgets an outcome, reminders.
/// This part covers grain state; the other parts of this class cover events, concurrency, the ledger and reminders.
/// </summary>
public abstract partial class StoreConformanceTests : IDisposable
{
    protected const string StateName = "state";

    protected static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(9));

    private StoreUnderTest? _store;

    private StoreUnderTest Store => _store ??= CreateStore();

    protected IGrainStorage Storage => Store.Storage;

    protected IEventLog Log => Store.Log;

    protected ICommandLedger Ledger => Store.Ledger;

    protected IReminderTable Reminders => Store.Reminders;

    /// <summary>A fresh, empty store.</summary>
    protected abstract StoreUnderTest CreateStore();

    public void Dispose()
    {
        DisposeStore();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeStore()
    {
    }

    protected static GrainId Agency(string key) => new("agency", key);

    /// <summary>A write of <paramref name="payload"/> raising one event per type, each with data {"n":index}.</summary>
    protected static StateWrite Write(GrainId grain, string? etag, string payload, string[]? events = null, CommandKey? command = null) =>
        new(grain, StateName, etag, payload,
            (events ?? []).Select((type, i) => new PendingEvent(type, $$"""{"n":{{i}}}""")).ToList(), Now, command);

    [Fact]
    public async Task A_first_write_creates_the_record_with_etag_1()
    {
        var outcome = await Storage.WriteAsync(Write(Agency("jp-npa"), null, """{"name":"NPA"}"""));

        Assert.Equal("1", outcome.ETag);
        Assert.Empty(outcome.Events);
        Assert.Equal(new StoredState("""{"name":"NPA"}""", "1"), await Storage.ReadAsync(Agency("jp-npa"), StateName));
    }

    [Fact]
    public async Task A_record_never_written_reads_as_null()
    {
        Assert.Null(await Storage.ReadAsync(Agency("nobody"), StateName));
    }

    [Fact]
    public async Task A_write_with_the_current_etag_replaces_the_payload_and_advances_the_etag()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "1"));
        var second = await Storage.WriteAsync(Write(Agency("a"), first.ETag, "2"));
        var third = await Storage.WriteAsync(Write(Agency("a"), second.ETag, "3"));

        Assert.Equal(["1", "2", "3"], [first.ETag, second.ETag, third.ETag]);
        Assert.Equal(new StoredState("3", "3"), await Storage.ReadAsync(Agency("a"), StateName));
    }

    [Fact]
    public async Task Grains_and_state_names_are_separate_records()
    {
        await Storage.WriteAsync(Write(Agency("a"), null, "a"));
        await Storage.WriteAsync(Write(Agency("b"), null, "b"));
        await Storage.WriteAsync(Write(Agency("a"), null, "a-other") with { StateName = "other" });
        await Storage.WriteAsync(Write(new GrainId("task", "a"), null, "task-a"));

        Assert.Equal(new StoredState("a", "1"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(new StoredState("b", "1"), await Storage.ReadAsync(Agency("b"), StateName));
        Assert.Equal(new StoredState("a-other", "1"), await Storage.ReadAsync(Agency("a"), "other"));
        Assert.Equal(new StoredState("task-a", "1"), await Storage.ReadAsync(new GrainId("task", "a"), StateName));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "v1", ["Registered"]));
        await Storage.WriteAsync(Write(Agency("a"), first.ETag, "v2", ["Renamed"]));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(
            Write(Agency("a"), first.ETag, "stale", ["Suspended", "Notified"], new CommandKey("key-1", "IAgencyGrain.Suspend"))));

        Assert.Equal("State 'state' of grain agency/a was not written: expected ETag 1, found 2.", error.Message);
        Assert.Equal("2", error.StoredETag);
        Assert.Equal("1", error.CurrentETag);
        Assert.Equal(new StoredState("v2", "2"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(2, await Log.GetLastPositionAsync());
        Assert.Equal(["Registered", "Renamed"], (await Log.ReadStreamAsync("agency/a", 0, 10)).Select(e => e.Type));
        Assert.Null(await Ledger.FindAsync(Agency("a"), "key-1"));
    }

    [Fact]
    public async Task A_first_write_is_refused_when_the_record_already_exists()
    {
        await Storage.WriteAsync(Write(Agency("a"), null, "first"));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(Write(Agency("a"), null, "second", ["Registered"])));

        Assert.Equal("State 'state' of grain agency/a was not written: expected ETag (none), found 1.", error.Message);
        Assert.Equal(new StoredState("first", "1"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(0, await Log.GetLastPositionAsync());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("not-an-etag")]
    public async Task A_write_expecting_a_record_that_does_not_exist_is_refused(string etag)
    {
        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(Write(Agency("a"), etag, "payload")));

        Assert.Equal($"State 'state' of grain agency/a was not written: expected ETag {etag}, found (none).", error.Message);
        Assert.Null(error.StoredETag);
        Assert.Null(await Storage.ReadAsync(Agency("a"), StateName));
    }

    [Fact]
    public async Task Two_first_writes_to_the_same_record_let_exactly_one_win()
    {
        string[] payloads = ["left", "right"];
        var attempts = await Task.WhenAll(payloads.Select(payload => Attempt(
            payload, () => Storage.WriteAsync(Write(Agency("a"), null, payload, ["Registered"])))));

        var winner = Assert.Single(attempts, a => a.Outcome is not null);
        Assert.IsType<InconsistentStateException>(Assert.Single(attempts, a => a.Error is not null).Error);
        Assert.Equal(new StoredState(winner.Payload, "1"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(1, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task Clearing_with_the_current_etag_leaves_a_tombstone_with_the_next_etag()
    {
        var written = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));

        var tombstone = await Storage.ClearAsync(Agency("a"), StateName, written.ETag);

        Assert.Equal("2", tombstone);
        Assert.Equal(new StoredState(null, "2"), await Storage.ReadAsync(Agency("a"), StateName));
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused_and_keeps_the_record()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        await Storage.WriteAsync(Write(Agency("a"), first.ETag, "v2"));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Agency("a"), StateName, first.ETag));

        Assert.Equal("State 'state' of grain agency/a was not written: expected ETag 1, found 2.", error.Message);
        Assert.Equal("2", error.StoredETag);
        Assert.Equal("1", error.CurrentETag);
        Assert.Equal(new StoredState("v2", "2"), await Storage.ReadAsync(Agency("a"), StateName));
    }

    [Fact]
    public async Task Clearing_without_an_etag_succeeds_only_when_the_record_never_existed()
    {
        var tombstone = await Storage.ClearAsync(Agency("empty"), StateName, null);
        await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        await Storage.WriteAsync(Write(Agency("cleared"), null, "v1"));
        await Storage.ClearAsync(Agency("cleared"), StateName, "1");

        var onRecord = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Agency("a"), StateName, null));
        var onTombstone = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Agency("cleared"), StateName, null));

        Assert.Equal("1", tombstone);
        Assert.Equal(new StoredState(null, "1"), await Storage.ReadAsync(Agency("empty"), StateName));
        Assert.Equal("1", onRecord.StoredETag);
        Assert.Equal(new StoredState("v1", "1"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal("State 'state' of grain agency/cleared was not written: expected ETag (none), found 2.", onTombstone.Message);
        Assert.Equal("2", onTombstone.StoredETag);
        Assert.Null(onTombstone.CurrentETag);
        Assert.Equal(new StoredState(null, "2"), await Storage.ReadAsync(Agency("cleared"), StateName));
    }

    [Fact]
    public async Task Clearing_a_cleared_record_with_its_etag_advances_the_tombstone()
    {
        var written = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        var first = await Storage.ClearAsync(Agency("a"), StateName, written.ETag);

        var second = await Storage.ClearAsync(Agency("a"), StateName, first);

        Assert.Equal(["2", "3"], [first, second]);
        Assert.Equal(new StoredState(null, "3"), await Storage.ReadAsync(Agency("a"), StateName));
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Agency("a"), StateName, first));
        Assert.Equal("3", error.StoredETag);
    }

    [Fact]
    public async Task A_stale_etag_from_before_a_clear_cannot_overwrite_a_record_written_after_it()
    {
        var stale = await Storage.WriteAsync(Write(Agency("a"), null, "v1", ["Registered"]));
        var tombstone = await Storage.ClearAsync(Agency("a"), StateName, stale.ETag);
        var anew = await Storage.WriteAsync(Write(Agency("a"), tombstone, "anew", ["Registered"]));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(
            Write(Agency("a"), stale.ETag, "stale", ["Renamed"], new CommandKey("key-1", "IAgencyGrain.Rename"))));

        Assert.Equal(["1", "2", "3"], [stale.ETag, tombstone, anew.ETag]);
        Assert.Equal("State 'state' of grain agency/a was not written: expected ETag 1, found 3.", error.Message);
        Assert.Equal("3", error.StoredETag);
        Assert.Equal("1", error.CurrentETag);
        Assert.Equal(new StoredState("anew", "3"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(["Registered", "Registered"], (await Log.ReadStreamAsync("agency/a", 0, 10)).Select(e => e.Type));
        Assert.Null(await Ledger.FindAsync(Agency("a"), "key-1"));
        var clear = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Agency("a"), StateName, stale.ETag));
        Assert.Equal("3", clear.StoredETag);
    }

    [Fact]
    public async Task A_cleared_record_reads_as_absent_with_an_etag()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        var second = await Storage.WriteAsync(Write(Agency("a"), first.ETag, "v2"));

        await Storage.ClearAsync(Agency("a"), StateName, second.ETag);

        var stored = await Storage.ReadAsync(Agency("a"), StateName);
        Assert.NotNull(stored);
        Assert.Null(stored.Payload);
        Assert.Equal("3", stored.ETag);
        Assert.Equal(new StoredState(null, "3"), stored);
        Assert.Null(await Storage.ReadAsync(Agency("b"), StateName));
    }

    [Fact]
    public async Task A_first_write_is_refused_once_the_record_was_cleared()
    {
        var written = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        await Storage.ClearAsync(Agency("a"), StateName, written.ETag);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(
            Write(Agency("a"), null, "again", ["Registered"], new CommandKey("key-1", "IAgencyGrain.Register"))));

        Assert.Equal("State 'state' of grain agency/a was not written: expected ETag (none), found 2.", error.Message);
        Assert.Equal("2", error.StoredETag);
        Assert.Null(error.CurrentETag);
        Assert.Equal(new StoredState(null, "2"), await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(0, await Log.GetLastPositionAsync());
        Assert.Null(await Ledger.FindAsync(Agency("a"), "key-1"));
    }

    [Fact]
    public async Task Writing_with_the_tombstone_etag_recreates_the_record()
    {
        var written = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        var tombstone = await Storage.ClearAsync(Agency("a"), StateName, written.ETag);

        var recreated = await Storage.WriteAsync(Write(Agency("a"), tombstone, "again", ["Registered"]));

        Assert.Equal("2", tombstone);
        Assert.Equal("3", recreated.ETag);
        Assert.Equal("Registered", Assert.Single(recreated.Events).Type);
        Assert.Equal(new StoredState("again", "3"), await Storage.ReadAsync(Agency("a"), StateName));
        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(Write(Agency("a"), tombstone, "from-the-tombstone-again")));
        Assert.Equal("3", error.StoredETag);
        Assert.Equal(new StoredState("again", "3"), await Storage.ReadAsync(Agency("a"), StateName));
    }

    protected sealed record WriteAttempt(string Payload, WriteOutcome? Outcome, Exception? Error);

    /// <summary>Runs a write on the thread pool and captures its outcome or its error.</summary>
    protected static Task<WriteAttempt> Attempt(string payload, Func<Task<WriteOutcome>> write) => Task.Run(async () =>
    {
        try
        {
            return new WriteAttempt(payload, await write(), null);
        }
        catch (Exception error)
        {
            return new WriteAttempt(payload, null, error);
        }
    });
}
