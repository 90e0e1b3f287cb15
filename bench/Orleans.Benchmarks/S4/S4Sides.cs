using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.Benchmarks.S4;

/// <summary>One side of S4: appends one event to a stream at an expected sequence; true if it committed.</summary>
internal abstract class S4Side : IAsyncDisposable
{
    public const string EventType = "BenchNoteRecorded";

    /// <summary>The event every append carries (about 150 bytes of JSON), the same text on both sides.</summary>
    public static readonly JsonElement EventData = JsonDocument.Parse(
        """{"task":"T-K0123456789ABCDEF","agency":"JP-NPA","note":"S4 bench: subscriber records requested from the registrar","priority":"Routine"}""").RootElement.Clone();

    public abstract string Name { get; }

    /// <summary>Each stream the store holds with its row count and highest and lowest sequence, read back after the run.</summary>
    public abstract Task<IReadOnlyList<StoredStream>> ReadStoredAsync();

    /// <summary>Transactions committed so far.</summary>
    public abstract long Commits { get; }

    public abstract Task<bool> AppendAsync(string stream, long expectedSequence);

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the log file with the hub's own code (folder, WAL mode, table), then lets it go.</summary>
    public static async Task CreateFileAsync(string path, SqliteSynchronousMode synchronous)
    {
        await using var log = await HubLogSide.StartLogAsync(path, synchronous);
    }
}

/// <summary>
/// The hub's event log: <see cref="SqliteEventLog"/> as the silo registers it (<c>AddSqliteEventLog</c>), with group commit
/// (one BEGIN IMMEDIATE transaction per batch, up to 256 appends). Commits are counted from its own meter.
/// </summary>
internal sealed class HubLogSide : S4Side
{
    private readonly ServiceProvider _services;
    private readonly SqliteEventLog _log;
    private readonly BatchMeter _batches;
    private readonly NewEvent[] _event = [new NewEvent(EventType, EventData)];

    private HubLogSide(ServiceProvider services, SqliteEventLog log, BatchMeter batches)
    {
        _services = services;
        _log = log;
        _batches = batches;
    }

    public override string Name => "hub event log (group commit)";

    public string FilePath => _log.FilePath;

    public override Task<IReadOnlyList<StoredStream>> ReadStoredAsync() => StoredStream.ReadSqliteAsync(FilePath);

    public override long Commits => _batches.Batches;

    /// <summary>Appends committed per transaction so far.</summary>
    public BatchMeter Batches => _batches;

    public static async Task<HubLogSide> StartAsync(string path, SqliteSynchronousMode synchronous)
    {
        var batches = new BatchMeter();
        var started = await StartLogAsync(path, synchronous);
        return new HubLogSide(started.Services, started.Log, batches);
    }

    internal static async Task<StartedLog> StartLogAsync(string path, SqliteSynchronousMode synchronous)
    {
        var services = new ServiceCollection()
            .AddSqliteEventLog(o =>
            {
                o.Path = path;
                o.Synchronous = synchronous;
            })
            .BuildServiceProvider();
        var log = services.GetRequiredService<SqliteEventLog>();
        await log.StartAsync(CancellationToken.None);
        return new StartedLog(services, log);
    }

    public override async Task<bool> AppendAsync(string stream, long expectedSequence)
    {
        var result = await _log.AppendAsync(stream, expectedSequence, _event).ConfigureAwait(false);
        return result.Succeeded;
    }

    public override async ValueTask DisposeAsync()
    {
        await _log.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        _batches.Dispose();
    }

    internal sealed record StartedLog(ServiceProvider Services, SqliteEventLog Log) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Log.StopAsync(CancellationToken.None);
            await Services.DisposeAsync();
        }
    }
}

/// <summary>
/// The baseline: the log's own INSERT straight through Microsoft.Data.Sqlite, one BEGIN IMMEDIATE transaction per
/// append, on one write connection with the log's pragmas (WAL, the same synchronous, busy_timeout 5000), prepared once.
/// The appenders take turns on the connection through a gate, as SQLite allows one writer at a time. The position is
/// the last one + 1 (kept under the gate); the (stream, sequence) unique key is the compare-and-swap: a duplicate is a
/// conflict, nothing written.
/// </summary>
internal sealed class DriverSide : S4Side
{
    /// <summary>The log's INSERT (SqliteEventLogSchema.Insert), word for word.</summary>
    private const string Insert = """
        INSERT INTO events (position, stream, sequence, type, occurred_at, data)
        VALUES ($position, $stream, $sequence, $type, $occurred_at, $data)
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly string _data = EventData.GetRawText();
    private long _lastPosition;
    private long _commits;

    private DriverSide(string path, SqliteConnection connection, SqliteCommand insert, long lastPosition)
    {
        FilePath = path;
        _connection = connection;
        _insert = insert;
        _lastPosition = lastPosition;
    }

    public override string Name => "driver, one INSERT per transaction (baseline)";

    public string FilePath { get; }

    public override Task<IReadOnlyList<StoredStream>> ReadStoredAsync() => StoredStream.ReadSqliteAsync(FilePath);

    public override long Commits => Interlocked.Read(ref _commits);

    public static async Task<DriverSide> StartAsync(string path, SqliteSynchronousMode synchronous)
    {
        await CreateFileAsync(path, synchronous);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = $"PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = {(synchronous == SqliteSynchronousMode.Normal ? "NORMAL" : "FULL")};";
            pragmas.ExecuteNonQuery();
        }
        long last;
        using (var max = connection.CreateCommand())
        {
            max.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events";
            last = (long)max.ExecuteScalar()!;
        }
        var insert = connection.CreateCommand();
        insert.CommandText = Insert;
        insert.Parameters.Add("$position", SqliteType.Integer);
        insert.Parameters.Add("$stream", SqliteType.Text);
        insert.Parameters.Add("$sequence", SqliteType.Integer);
        insert.Parameters.Add("$type", SqliteType.Text);
        insert.Parameters.Add("$occurred_at", SqliteType.Text);
        insert.Parameters.Add("$data", SqliteType.Text);
        insert.Prepare();
        return new DriverSide(path, connection, insert, last);
    }

    public override async Task<bool> AppendAsync(string stream, long expectedSequence)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var p = _insert.Parameters;
            _insert.Transaction = transaction;
            p[0].Value = _lastPosition + 1;
            p[1].Value = stream;
            p[2].Value = expectedSequence + 1;
            p[3].Value = EventType;
            p[4].Value = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
            p[5].Value = _data;
            try
            {
                _insert.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: (stream, sequence) taken
            {
                return false;
            }
            transaction.Commit();
            _lastPosition++;
            _commits++;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override ValueTask DisposeAsync()
    {
        _insert.Dispose();
        _connection.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
