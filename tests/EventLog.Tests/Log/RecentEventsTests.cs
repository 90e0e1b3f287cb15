using System.Text.Json;

namespace PolicingHub.EventLog.Tests.Log;

public sealed class RecentEventsTests
{
    private static readonly JsonElement Data = JsonDocument.Parse("{\"n\":1}").RootElement.Clone();

    [Fact]
    public void A_read_inside_the_window_returns_the_next_events_in_order_up_to_the_count()
    {
        var recent = new RecentEvents(capacity: 8);
        recent.Add(Range(1, 5));

        Assert.Equal([3L, 4L], recent.TryRead(2, 2)!.Select(e => e.Position));
        Assert.Equal([5L], recent.TryRead(4, 10)!.Select(e => e.Position));
    }

    [Fact]
    public void A_read_that_does_not_start_inside_the_window_goes_to_the_store()
    {
        var recent = new RecentEvents(capacity: 4);
        Assert.Null(recent.TryRead(0, 10)); // empty
        recent.Add(Range(1, 10));           // holds 7..10 only

        Assert.Null(recent.TryRead(5, 10));  // 6 fell out
        Assert.Null(recent.TryRead(10, 10)); // nothing after the newest
        Assert.Equal([7L, 8L, 9L, 10L], recent.TryRead(6, 10)!.Select(e => e.Position));
    }

    [Fact]
    public void A_gap_restarts_the_window_so_nothing_is_served_across_it()
    {
        var recent = new RecentEvents(capacity: 8);
        recent.Add(Range(1, 3));
        recent.Add(Range(6, 7)); // 4 and 5 were committed by someone else

        Assert.Null(recent.TryRead(2, 10));
        Assert.Equal([6L, 7L], recent.TryRead(5, 10)!.Select(e => e.Position));
    }

    private static List<EventEnvelope> Range(long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(p => new EventEnvelope(p, "s/1", p, "t", DateTimeOffset.UnixEpoch, Data))];
}
