using System.Text.Json;
using PolicingHub.EventLog.Appending;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The SQLite batch writer on its own: one transaction per batch, in-batch chaining, all or nothing on failure.</summary>
public sealed class SqliteEventBatchWriterTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 18, 30, 0, TimeSpan.FromHours(9));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"policinghub-eventlog-{Guid.NewGuid():N}");
    private readonly SqliteEventLogFile _file;
    private readonly SqliteEventBatchWriter _writer;

    public SqliteEventBatchWriterTests()
    {
        _file = new SqliteEventLogFile(Path.Combine(_folder, "events.db"));
        _writer = new SqliteEventBatchWriter(_file, SqliteSynchronousMode.Full);
    }

    public void Dispose()
    {
        _writer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task One_batch_chains_appends_to_one_stream_conflicts_a_stale_one_and_commits_the_rest()
    {
        var results = await _writer.WriteAsync([Pending("a", 0, 2), Pending("a", 2), Pending("a", 0), Pending("b", 0), Pending("a", 3)], At, default);

        Assert.Equal(
        [
            AppendResult.Success(0, 2, 1, 2), AppendResult.Success(2, 3, 3, 3), AppendResult.Conflict(0, 3),
            AppendResult.Success(0, 1, 4, 4), AppendResult.Success(3, 4, 5, 5),
        ], results);
        Assert.Equal(["1 a#1", "2 a#2", "3 a#3", "4 b#1", "5 a#4"], await StoredAsync());
    }

    [Fact]
    public async Task A_batch_reads_stream_heads_and_the_last_position_from_the_file()
    {
        await _writer.WriteAsync([Pending("a", 0, 3)], At, default);

        var results = await _writer.WriteAsync([Pending("a", 2), Pending("a", 3), Pending("b", 1)], At, default);

        Assert.Equal([AppendResult.Conflict(2, 3), AppendResult.Success(3, 4, 4, 4), AppendResult.Conflict(1, 0)], results);
        Assert.Equal(["1 a#1", "2 a#2", "3 a#3", "4 a#4"], await StoredAsync());
    }

    [Fact]
    public async Task A_batch_failing_inside_its_transaction_writes_none_of_its_appends_and_the_next_batch_commits()
    {
        await _writer.WriteAsync([Pending("a", 0)], At, default);
        await ExecuteAsync("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.stream = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;");

        var error = await Assert.ThrowsAsync<EventLogException>(() => _writer.WriteAsync([Pending("a", 1), Pending("poison", 0), Pending("c", 0)], At, default));

        Assert.False(error.OutcomeUnknown);
        Assert.Contains("poisoned", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(["1 a#1"], await StoredAsync());
        Assert.Equal([AppendResult.Success(1, 2, 2, 2), AppendResult.Success(0, 1, 3, 3)], await _writer.WriteAsync([Pending("a", 1), Pending("c", 0)], At, default));
        Assert.Equal(["1 a#1", "2 a#2", "3 c#1"], await StoredAsync());
    }

    [Fact]
    public async Task Events_are_stored_with_the_batch_time_as_round_trip_text_and_their_data_as_json_text()
    {
        await _writer.WriteAsync([Pending("a", 0)], At, default);

        await using var connection = await _file.OpenReaderAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, occurred_at, data FROM events";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("Changed", "2026-11-22T18:30:00.0000000+09:00", """{"n":0}"""), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    private static PendingAppend Pending(string stream, long expected, int events = 1) =>
        new(stream, expected, Enumerable.Range(0, events).Select(i => new NewEvent("Changed", JsonSerializer.SerializeToElement(new { n = i }))).ToList(), 0);

    private async Task<IReadOnlyList<string>> StoredAsync()
    {
        await using var connection = await _file.OpenReaderAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, stream, sequence FROM events ORDER BY position";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetInt64(0)} {reader.GetString(1)}#{reader.GetInt64(2)}");
        }
        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _file.OpenReaderAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
