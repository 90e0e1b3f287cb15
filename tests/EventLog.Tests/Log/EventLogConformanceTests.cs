using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>
/// What every event log store must do (DESIGN §4.1, §4.5): append with an expected sequence or get a conflict that
/// writes nothing; per-stream sequences from 1; global positions gapless in commit order; reads by position and by
/// stream; a doorbell after each commit. This part covers appending; the other parts cover reading, concurrency, the
/// doorbell and metrics. One small subclass per store only builds it.
/// </summary>
public abstract partial class EventLogConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private LogHost? _host;

    protected FakeTimeProvider Clock { get; } = new(Start);

    private protected LogHost Host => _host ?? throw new InvalidOperationException("The log is not started.");

    protected IEventLog Log => Host.Log;

    protected IEventLogDoorbell Doorbell => Host.Doorbell;

    /// <summary>The value of the <c>store</c> tag on this store's metrics.</summary>
    protected abstract string StoreTag { get; }

    /// <summary>Registers the store under test (its hosting extension).</summary>
    protected abstract void AddLog(IServiceCollection services);

    /// <summary>The finest time the store keeps; events are stamped at this precision (PostgreSQL: a microsecond).</summary>
    protected virtual TimeSpan TimestampPrecision => TimeSpan.FromTicks(1);

    public virtual async Task InitializeAsync() => _host = await StartLogAsync();

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private protected Task<LogHost> StartLogAsync() => LogHost.StartAsync(Clock, AddLog);

    protected static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    /// <summary>One event per type, each with data {"n":index}.</summary>
    protected static NewEvent[] Events(params string[] types) =>
        types.Select((type, i) => new NewEvent(type, Json($$"""{"n":{{i}}}"""))).ToArray();

    /// <summary>Every field of an envelope, the data as its JSON text, so lists compare exactly.</summary>
    protected static string Describe(EventEnvelope e) => string.Create(
        CultureInfo.InvariantCulture, $"{e.Position} {e.Stream}#{e.Sequence} {e.Type} {e.OccurredAt:O} {e.Data.GetRawText()}");

    protected async Task<IReadOnlyList<string>> ReadAllAsync() => (await Log.ReadAsync(0, 10_000)).Select(Describe).ToList();

    [Fact]
    public async Task A_first_append_to_a_new_stream_expecting_0_gets_sequences_from_1_and_the_first_positions()
    {
        var result = await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged", "TaskAccepted"));

        Assert.Equal(AppendResult.Success(expected: 0, last: 3, firstPosition: 1, lastPosition: 3), result);
        Assert.Equal(3, result.NextExpectedSequence);
        Assert.Equal(
        [
            """1 task/T-1#1 TaskAssigned 2026-11-22T09:00:00.0000000+00:00 {"n":0}""",
            """2 task/T-1#2 TaskAcknowledged 2026-11-22T09:00:00.0000000+00:00 {"n":1}""",
            """3 task/T-1#3 TaskAccepted 2026-11-22T09:00:00.0000000+00:00 {"n":2}""",
        ], await ReadAllAsync());
    }

    [Fact]
    public async Task Appends_to_several_streams_get_per_stream_sequences_and_global_positions_in_commit_order()
    {
        var a1 = await Log.AppendAsync("agency/JP-NPA", 0, Events("Registered", "Named"));
        var b1 = await Log.AppendAsync("agency/CA-RCMP", 0, Events("Registered"));
        var a2 = await Log.AppendAsync("agency/JP-NPA", a1.NextExpectedSequence, Events("Suspended"));

        Assert.Equal(
            [AppendResult.Success(0, 2, 1, 2), AppendResult.Success(0, 1, 3, 3), AppendResult.Success(2, 3, 4, 4)],
            [a1, b1, a2]);
        Assert.Equal(
            ["1 agency/JP-NPA#1", "2 agency/JP-NPA#2", "3 agency/CA-RCMP#1", "4 agency/JP-NPA#3"],
            (await Log.ReadAsync(0, 100)).Select(e => $"{e.Position} {e.Stream}#{e.Sequence}"));
    }

    [Fact]
    public async Task An_append_expecting_the_wrong_sequence_is_a_conflict_that_reports_the_actual_one_and_writes_nothing()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));
        var before = await ReadAllAsync();

        var stale = await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));
        var ahead = await Log.AppendAsync("task/T-1", 5, Events("TaskCompleted"));

        Assert.Equal(AppendResult.Conflict(expected: 0, actual: 2), stale);
        Assert.Equal(AppendResult.Conflict(expected: 5, actual: 2), ahead);
        Assert.Equal(before, await ReadAllAsync());
        Assert.Equal(2, await Log.GetLastPositionAsync());
        var thrown = Assert.Throws<WrongExpectedSequenceException>(() => stale.ThrowIfConflict("task/T-1"));
        Assert.Equal(("task/T-1", 0L, 2L), (thrown.Stream, thrown.Expected, thrown.Actual));
    }

    [Fact]
    public async Task An_append_expecting_events_on_a_stream_that_has_none_is_a_conflict_with_actual_0()
    {
        Assert.Equal(AppendResult.Conflict(expected: 3, actual: 0), await Log.AppendAsync("task/T-9", 3, Events("TaskCompleted")));
        Assert.Empty(await Log.ReadAsync(0, 10));
    }

    [Fact]
    public async Task Events_are_stamped_with_the_clock_time_of_their_commit()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));
        Clock.Advance(TimeSpan.FromMinutes(90) + TimeSpan.FromTicks(1234567));
        await Log.AppendAsync("task/T-1", 1, Events("TaskAcknowledged"));

        var later = Start.AddMinutes(90).AddTicks(1234567);
        var stamped = later.AddTicks(-(later.Ticks % TimestampPrecision.Ticks));
        Assert.Equal([Start, stamped], (await Log.ReadAsync(0, 10)).Select(e => e.OccurredAt));
        Assert.Equal([Start, stamped], (await Log.ReadStreamAsync("task/T-1", 0, 10)).Select(e => e.OccurredAt));
    }

    [Fact]
    public async Task An_append_without_events_or_without_a_stream_is_refused_and_writes_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync("task/T-1", 0, []));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(" ", 0, Events("TaskAssigned")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.AppendAsync("task/T-1", -1, Events("TaskAssigned")));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync("task/T-1", 0, [new NewEvent("", Json("{}"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync("task/T-1", 0, [new NewEvent("TaskAssigned", default)]));

        Assert.Equal(0, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task An_append_whose_token_is_already_cancelled_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"), cancelled.Token));
        Assert.Equal(AppendResult.Success(0, 1, 1, 1), await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned")));
    }
}
