namespace PolicingHub.EventLog.Tests.Log;

/// <summary>
/// Many appenders at once: positions stay exactly 1..N (no gap, no duplicate), each stream's sequences stay gapless,
/// and of appenders racing for the same (stream, sequence) exactly one wins. Readers meanwhile never see a gap.
/// </summary>
public abstract partial class EventLogConformanceTests
{
    [Fact]
    public async Task Appenders_to_64_distinct_streams_at_once_get_positions_1_to_N_without_gap_or_duplicate()
    {
        const int streams = 64;
        const int appendsPerStream = 4;
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            var expected = 0L;
            for (var a = 0; a < appendsPerStream; a++)
            {
                var result = await Log.AppendAsync($"task/T-{s}", expected, Events("Changed", "Audited"));
                expected = result.NextExpectedSequence;
                mine.Add(result);
            }
            return (Stream: $"task/T-{s}", Results: mine);
        })));

        var log = await Log.ReadAsync(0, 10_000);

        const int total = streams * appendsPerStream * 2;
        Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), log.Select(e => e.Position));
        Assert.All(results, r => Assert.All(r.Results, result => Assert.True(result.Succeeded)));
        foreach (var (stream, mine) in results)
        {
            var claimed = mine.SelectMany(r => Range(r.FirstPosition, r.LastPosition)).ToList();
            Assert.Equal(claimed, log.Where(e => e.Stream == stream).Select(e => e.Position));
            Assert.Equal(Enumerable.Range(1, appendsPerStream * 2).Select(q => (long)q), log.Where(e => e.Stream == stream).Select(e => e.Sequence));
        }
        Assert.Equal(total, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task Of_50_appenders_expecting_the_same_sequence_at_once_exactly_one_wins()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            Log.AppendAsync("task/T-1", 1, [new NewEvent("TaskAcknowledged", Json($$"""{"by":{{i}}}"""))]))));

        var winner = Assert.Single(attempts, a => a.Succeeded);
        Assert.Equal(AppendResult.Success(1, 2, 2, 2), winner);
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Equal(AppendResult.Conflict(1, 2), a));
        var log = await Log.ReadAsync(0, 100);
        Assert.Equal([1L, 2L], log.Select(e => e.Sequence));
        Assert.Equal(2, await Log.GetLastPositionAsync());
    }

    [Fact]
    public async Task Fifty_writers_racing_on_one_stream_and_retrying_each_append_once_at_gapless_sequences()
    {
        const int writers = 50;
        var won = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var expected = 0L;
            while (true)
            {
                var result = await Log.AppendAsync("agreement/KR-CA", expected, [new NewEvent("ProgressReported", Json($$"""{"writer":{{w}}}"""))]);
                if (result.Succeeded)
                {
                    return (Writer: w, Sequence: result.NextExpectedSequence, Position: result.LastPosition);
                }
                Assert.True(result.ActualSequence > expected);
                expected = result.ActualSequence;
            }
        })));

        var stream = await Log.ReadStreamAsync("agreement/KR-CA", 0, 1000);

        Assert.Equal(Enumerable.Range(1, writers).Select(s => (long)s), stream.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, writers).Select(p => (long)p), stream.Select(e => e.Position));
        Assert.Equal(Enumerable.Range(0, writers), stream.Select(e => e.Data.GetProperty("writer").GetInt32()).Order());
        Assert.Equal(
            won.OrderBy(w => w.Sequence).Select(w => $"{w.Sequence}@{w.Position} by {w.Writer}"),
            stream.Select(e => $"{e.Sequence}@{e.Position} by {e.Data.GetProperty("writer").GetInt32()}"));
    }

    [Fact]
    public async Task A_reader_polling_while_appenders_commit_never_sees_a_gap()
    {
        using var done = new CancellationTokenSource();
        var snapshots = new List<IReadOnlyList<long>>();
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                snapshots.Add((await Log.ReadAsync(0, 10_000)).Select(e => e.Position).ToList());
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 50).Select(s => Task.Run(async () =>
        {
            for (var a = 0; a < 4; a++)
            {
                await Log.AppendAsync($"task/T-{s}", a, Events("Changed"));
            }
        })));
        await done.CancelAsync();
        await reader.Within();
        snapshots.Add((await Log.ReadAsync(0, 10_000)).Select(e => e.Position).ToList());

        Assert.All(snapshots, positions => Assert.Equal(Range(1, positions.Count), positions));
        Assert.Equal(200, snapshots[^1].Count);
    }

    private static IEnumerable<long> Range(long first, long last)
    {
        for (var p = first; p <= last; p++)
        {
            yield return p;
        }
    }
}
