using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog.Diagnostics;
using PolicingHub.EventLog.Hosting;
using PolicingHub.Testing;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>
/// Checkpoints of the write-ahead log run beside the writer, not inside a commit. The evidence is the WAL file: SQLite's
/// own checkpoint restarts it at 1,000 pages, so a WAL far past that was never checkpointed by the writer.
/// </summary>
public sealed class SqliteCheckpointTests : IAsyncLifetime
{
    private const long PageBytes = 4096;
    private const long TwoThousandPages = 2000 * PageBytes;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"policinghub-checkpoint-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_writer_never_checkpoints_and_the_background_checkpoint_copies_the_whole_WAL_on_its_next_tick()
    {
        var path = Path.Combine(_folder, "background.db");
        await using var host = await LogHost.StartAsync(_clock, s => s.AddSqliteEventLog(o => o.Path = path));
        using var measurements = new RecordedMeasurements(host.MeterFactory);

        await AppendTwelveMegabytesAsync(host.Log);

        Assert.True(new FileInfo(path + "-wal").Length > TwoThousandPages, "the writer checkpointed inside a commit");
        Assert.Empty(measurements.Of(EventLogInstruments.CheckpointedFramesName));
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        await Eventually.Until(
            () => Task.FromResult(measurements.Of(EventLogInstruments.CheckpointedFramesName).Sum(r => r.Value) > 2000),
            () => $"frames checkpointed: {measurements.Of(EventLogInstruments.CheckpointedFramesName).Sum(r => r.Value)}");
        Assert.Equal(4000, (await host.Log.ReadAsync(0, 5000)).Count);
    }

    [Fact]
    public async Task With_background_checkpoints_off_SQLite_checkpoints_inside_the_commits_and_the_WAL_stays_short()
    {
        var path = Path.Combine(_folder, "inline.db");
        await using var host = await LogHost.StartAsync(_clock, s => s.AddSqliteEventLog(o =>
        {
            o.Path = path;
            o.CheckpointInterval = TimeSpan.Zero;
        }));

        await AppendTwelveMegabytesAsync(host.Log);

        Assert.True(new FileInfo(path + "-wal").Length < TwoThousandPages);
        Assert.Equal(4000, (await host.Log.ReadAsync(0, 5000)).Count);
    }

    /// <summary>4,000 events of 3 KB on their own streams, appended at once (group commit packs them into a few transactions).</summary>
    private static async Task AppendTwelveMegabytesAsync(IEventLog log)
    {
        var data = System.Text.Json.JsonSerializer.SerializeToElement(new { text = new string('x', 3000) });
        var results = await Task.WhenAll(Enumerable.Range(1, 4000).Select(i => log.AppendAsync($"task/T-{i}", 0, [new NewEvent("TaskAssigned", data)])));
        Assert.All(results, r => Assert.True(r.Succeeded));
    }
}
