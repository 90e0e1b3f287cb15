using System.Text.Json;
using System.Threading.Channels;
using PolicingHub.EventLog.Hosting;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>
/// Several silos on one PostgreSQL log: each its own data source, appender and listener (as separate processes would
/// have). Positions stay gapless and in commit order cluster-wide, readers never see a gap, and a commit made through
/// one log rings the others' doorbells (NOTIFY, or the poll when no notification came).
/// </summary>
public sealed class PostgresMultiWriterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly List<LogHost> _silos = [];
    private PostgresDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            _silos.Add(await LogHost.StartAsync(_clock, s => s.AddPostgresEventLog(o =>
                (o.ConnectionString, o.PollInterval) = (_database.ConnectionString, TimeSpan.FromMilliseconds(250)))));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_logs_appending_at_once_get_positions_1_to_N_and_a_reader_never_sees_a_gap()
    {
        const int streamsPerSilo = 20;
        const int appendsPerStream = 5;
        using var done = new CancellationTokenSource();
        var observer = _silos[0].Log;
        var gaps = new List<string>();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var positions = (await observer.ReadAsync(0, 10_000)).Select(e => e.Position).ToList();
                if (!positions.SequenceEqual(Enumerable.Range(1, positions.Count).Select(p => (long)p)))
                {
                    gaps.Add(string.Join(",", positions));
                }
                reads++;
            }
        });

        var appended = await Task.WhenAll(_silos.SelectMany((silo, s) => Enumerable.Range(0, streamsPerSilo).Select(i => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            for (var a = 0; a < appendsPerStream; a++)
            {
                mine.Add(await silo.Log.AppendAsync($"task/S{s}-{i}", a, [new NewEvent("Changed", Json($$"""{"silo":{{s}},"n":{{a}}}"""))]));
            }
            return mine;
        }))));
        await done.CancelAsync();
        await reader.Within();

        const int total = 3 * streamsPerSilo * appendsPerStream;
        Assert.Empty(gaps);
        Assert.True(reads > 1, $"the reader read {reads} times");
        Assert.All(appended.SelectMany(r => r), r => Assert.True(r.Succeeded));
        Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), appended.SelectMany(r => r).Select(r => r.LastPosition).Order());
        foreach (var silo in _silos)
        {
            var log = await silo.Log.ReadAsync(0, 10_000);
            Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), log.Select(e => e.Position));
            Assert.All(log.GroupBy(e => e.Stream), g => Assert.Equal(Enumerable.Range(1, appendsPerStream).Select(q => (long)q), g.Select(e => e.Sequence)));
        }
    }

    [Fact]
    public async Task Two_logs_racing_for_the_same_stream_sequence_get_one_success_and_one_conflict()
    {
        await _silos[0].Log.AppendAsync("agreement/KR-JP", 0, [new NewEvent("Drafted", Json("{}"))]);

        var results = await Task.WhenAll(_silos.Select((silo, s) => Task.Run(() =>
            silo.Log.AppendAsync("agreement/KR-JP", 1, [new NewEvent("Signed", Json($$"""{"by":{{s}}}"""))]))));

        Assert.Equal(AppendResult.Success(1, 2, 2, 2), Assert.Single(results, r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(AppendResult.Conflict(1, 2), r));
        Assert.Equal([1L, 2L], (await _silos[2].Log.ReadStreamAsync("agreement/KR-JP", 0, 10)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_commit_through_one_log_rings_the_doorbell_of_another()
    {
        var rung = Channel.CreateUnbounded<long>();
        using var subscription = _silos[1].Doorbell.Subscribe(p => rung.Writer.TryWrite(p));

        await _silos[0].Log.AppendAsync("task/T-1", 0, [new NewEvent("TaskAssigned", Json("{}"))]);
        await _silos[0].Log.AppendAsync("task/T-1", 1, [new NewEvent("TaskAcknowledged", Json("{}"))]);

        Assert.Equal(2, await ReadUntilAsync(rung.Reader, 2));
        Assert.Equal(["TaskAssigned", "TaskAcknowledged"], (await _silos[1].Log.ReadAsync(0, 10)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_commit_that_sent_no_notification_is_found_by_the_poll()
    {
        var rung = Channel.CreateUnbounded<long>();
        using var subscription = _silos[2].Doorbell.Subscribe(p => rung.Writer.TryWrite(p));

        // A row written straight into the table, as a writer whose NOTIFY was lost would leave it.
        await _database!.ScalarAsync("""
            INSERT INTO event_log (position, stream, sequence, type, occurred_at, data)
            VALUES (1, 'task/T-9', 1, 'TaskAssigned', now(), '{}')
            """);

        Assert.Equal(1, await ReadUntilAsync(rung.Reader, 1));
    }

    private static async Task<long> ReadUntilAsync(ChannelReader<long> rings, long position)
    {
        long seen;
        do
        {
            seen = await rings.ReadAsync().AsTask().Within();
        }
        while (seen < position);
        return seen;
    }

    private static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
