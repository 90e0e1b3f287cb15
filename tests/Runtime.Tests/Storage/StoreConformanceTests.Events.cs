using System.Globalization;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>The event log: per-stream sequences, gapless global positions, paging.</summary>
public abstract partial class StoreConformanceTests
{
    /// <summary>Every field of an envelope, the data as its JSON text, so lists compare exactly.</summary>
    protected static string Describe(EventEnvelope e) => string.Create(
        CultureInfo.InvariantCulture, $"{e.Position} {e.Stream}#{e.Sequence} {e.Type} {e.OccurredAt:O} {e.Data.GetRawText()}");

    [Fact]
    public async Task Events_get_per_stream_sequences_from_1_and_global_positions_in_commit_order()
    {
        var a1 = await Storage.WriteAsync(Write(Agency("a"), null, "a1", ["Registered", "Named"]));
        var b1 = await Storage.WriteAsync(Write(Agency("b"), null, "b1", ["Registered"]));
        var a2 = await Storage.WriteAsync(Write(Agency("a"), a1.ETag, "a2", ["Suspended"]));

        string[] expected =
        [
            """1 agency/a#1 Registered 2025-03-01T09:30:15.1230000+09:00 {"n":0}""",
            """2 agency/a#2 Named 2025-03-01T09:30:15.1230000+09:00 {"n":1}""",
            """3 agency/b#1 Registered 2025-03-01T09:30:15.1230000+09:00 {"n":0}""",
            """4 agency/a#3 Suspended 2025-03-01T09:30:15.1230000+09:00 {"n":0}""",
        ];
        Assert.Equal(expected, a1.Events.Concat(b1.Events).Concat(a2.Events).Select(Describe));
        Assert.Equal(expected, (await Log.ReadAsync(0, 100)).Select(Describe));
        Assert.Equal(Now, (await Log.ReadAsync(0, 1))[0].OccurredAt);
    }

    [Fact]
    public async Task A_write_without_events_appends_nothing()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        await Storage.WriteAsync(Write(Agency("a"), first.ETag, "v2"));

        Assert.Empty(await Log.ReadAsync(0, 100));
        Assert.Equal(0, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task Reading_the_log_in_pages_returns_every_event_once_in_position_order()
    {
        var etags = new Dictionary<string, string?> { ["a"] = null, ["b"] = null, ["c"] = null };
        for (var round = 0; round < 5; round++)
        {
            foreach (var key in etags.Keys.ToList())
            {
                etags[key] = (await Storage.WriteAsync(Write(Agency(key), etags[key], $"{round}", ["Changed", "Audited"]))).ETag;
            }
        }

        var read = new List<EventEnvelope>();
        var pages = 0;
        for (var page = await Log.ReadAsync(0, 7); page.Count > 0; page = await Log.ReadAsync(read[^1].Position, 7))
        {
            Assert.True(page.Count <= 7);
            read.AddRange(page);
            pages++;
        }

        Assert.Equal(5, pages);
        Assert.Equal(Enumerable.Range(1, 30).Select(p => (long)p), read.Select(e => e.Position));
        Assert.Equal(30, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task Reading_after_the_last_position_or_with_no_room_returns_nothing()
    {
        await Storage.WriteAsync(Write(Agency("a"), null, "v1", ["Registered", "Named"]));

        Assert.Empty(await Log.ReadAsync(2, 10));
        Assert.Empty(await Log.ReadAsync(50, 10));
        Assert.Empty(await Log.ReadAsync(0, 0));
        Assert.Equal([2L], (await Log.ReadAsync(1, 10)).Select(e => e.Position));
    }

    [Fact]
    public async Task Reading_a_stream_returns_only_its_events_after_the_given_sequence()
    {
        var a = await Storage.WriteAsync(Write(Agency("a"), null, "a1", ["A1", "A2"]));
        await Storage.WriteAsync(Write(Agency("b"), null, "b1", ["B1"]));
        await Storage.WriteAsync(Write(Agency("a"), a.ETag, "a2", ["A3", "A4"]));

        var all = await Log.ReadStreamAsync("agency/a", 0, 100);
        var middle = await Log.ReadStreamAsync("agency/a", 1, 2);

        Assert.Equal(["1 A1", "2 A2", "4 A3", "5 A4"], all.Select(e => $"{e.Position} {e.Type}"));
        Assert.Equal([1L, 2L, 3L, 4L], all.Select(e => e.Sequence));
        Assert.Equal(["A2", "A3"], middle.Select(e => e.Type));
        Assert.Equal(["3 agency/b#1 B1"], (await Log.ReadStreamAsync("agency/b", 0, 100)).Select(e => $"{e.Position} {e.Stream}#{e.Sequence} {e.Type}"));
        Assert.Empty(await Log.ReadStreamAsync("agency/a", 4, 100));
        Assert.Empty(await Log.ReadStreamAsync("agency/unknown", 0, 100));
    }

    [Fact]
    public async Task The_last_position_is_0_for_an_empty_log_and_then_that_of_the_last_event()
    {
        Assert.Equal(0, await Log.GetLastPositionAsync());

        await Storage.WriteAsync(Write(Agency("a"), null, "a", ["A1", "A2"]));
        Assert.Equal(2, await Log.GetLastPositionAsync());

        await Storage.WriteAsync(Write(Agency("b"), null, "b", ["B1"]));
        Assert.Equal(3, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task A_write_whose_event_data_is_not_json_is_refused_and_changes_nothing()
    {
        var write = Write(Agency("a"), null, "v1", command: new("key-1", "IAgencyGrain.Register")) with
        {
            Events = [new PendingEvent("Registered", "{not json")],
        };

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => Storage.WriteAsync(write));

        Assert.Null(await Storage.ReadAsync(Agency("a"), StateName));
        Assert.Equal(0, await Log.GetLastPositionAsync());
        Assert.Null(await Ledger.FindAsync(Agency("a"), "key-1"));
    }
}
