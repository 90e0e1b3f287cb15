using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog.Diagnostics;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The conformance suite on a fresh SQLite file per test (in a folder the log must create), plus file-level checks.</summary>
public sealed class SqliteEventLogTests : EventLogConformanceTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"policinghub-eventlog-{Guid.NewGuid():N}");

    private string FilePath => Path.Combine(_folder, "nested", "events.db");

    protected override string StoreTag => "sqlite";

    protected override void AddLog(IServiceCollection services) => services.AddSqliteEventLog(o => o.Path = FilePath);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Starting_creates_the_folder_and_the_file_in_WAL_mode()
    {
        Assert.Equal(FilePath, Host.Services.GetRequiredService<SqliteEventLog>().FilePath);
        Assert.True(File.Exists(FilePath));
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Committed_events_survive_closing_and_reopening_the_file_and_appending_carries_on()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));
        await Log.AppendAsync("task/T-2", 0, [new NewEvent("TaskAssigned", Json("""{"title":"한국 교민 안전","desk":"在日韓国人"}"""))]);
        var before = await ReadAllAsync();
        await Host.DisposeAsync();

        await using var reopened = await StartLogAsync();
        var log = reopened.Log;

        Assert.Equal(before, (await log.ReadAsync(0, 100)).Select(Describe));
        Assert.Equal(3, await log.GetLastPositionAsync());
        Assert.Equal(AppendResult.Conflict(0, 2), await log.AppendAsync("task/T-1", 0, Events("TaskAssigned")));
        Assert.Equal(AppendResult.Success(2, 3, 4, 4), await log.AppendAsync("task/T-1", 2, Events("TaskAccepted")));
    }

    [Fact]
    public async Task A_read_that_meets_a_damaged_row_fails_alone_and_the_reads_after_it_and_beside_it_are_served()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));
        await Log.AppendAsync("task/T-2", 0, Events("TaskAssigned"));
        await using (var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE events SET data = '{\"n\":' WHERE stream = 'task/T-2'"; // a byte gone from the store
            Assert.Equal(1, await damage.ExecuteNonQueryAsync());
        }

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => Log.ReadStreamAsync("task/T-2", 0, 10));
        // More reads at once than the log keeps readers for: each gets its own stream's events, none a broken reader.
        var reads = await Task.WhenAll(Enumerable.Range(0, 3 * SqliteLogReaders.MaxIdle).Select(_ => Log.ReadStreamAsync("task/T-1", 0, 10)));

        Assert.All(reads, events => Assert.Equal(["TaskAssigned", "TaskAcknowledged"], events.Select(e => e.Type)));
        Assert.Equal(3, await Log.GetLastPositionAsync());
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => Log.ReadStreamAsync("task/T-2", 0, 10));
    }

    [Fact]
    public async Task Many_appenders_at_once_share_transactions()
    {
        using var measurements = new RecordedMeasurements(Host.MeterFactory);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(s => Log.AppendAsync($"task/T-{s}", 0, Events("TaskAssigned"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var batches = measurements.Of(EventLogInstruments.BatchSizeName).Select(m => (int)m.Value).ToList();
        Assert.Equal(200, batches.Sum());
        Assert.True(batches.Max() > 1, $"every batch held one append: {batches.Count} batches");
        Assert.Equal(Enumerable.Range(1, 200).Select(p => (long)p), results.Select(r => r.LastPosition).Order());
    }
}
