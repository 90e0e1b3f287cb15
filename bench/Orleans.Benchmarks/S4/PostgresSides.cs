using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicingHub.EventLog;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.Postgres;

namespace PolicingHub.Benchmarks.S4;

/// <summary>
/// The hub's event log on PostgreSQL: <see cref="PostgresEventLog"/> as the cluster profile registers it
/// (<c>AddPostgresEventLog</c>), group commit of up to 256 appends per transaction under the log's advisory lock.
/// </summary>
internal sealed class PostgresHubSide : S4Side
{
    private readonly ServiceProvider _services;
    private readonly PostgresEventLog _log;
    private readonly BatchMeter _batches;
    private readonly string _database;
    private readonly NewEvent[] _event = [new NewEvent(EventType, EventData)];

    private PostgresHubSide(ServiceProvider services, PostgresEventLog log, BatchMeter batches, string database)
    {
        _services = services;
        _log = log;
        _batches = batches;
        _database = database;
    }

    public override string Name => "hub event log (group commit)";

    public override long Commits => _batches.Batches;

    public static async Task<PostgresHubSide> StartAsync(string database)
    {
        var batches = new BatchMeter();
        var services = new ServiceCollection().AddPostgresEventLog(o => o.ConnectionString = database).BuildServiceProvider();
        var log = services.GetRequiredService<PostgresEventLog>();
        await log.StartAsync(CancellationToken.None);
        return new PostgresHubSide(services, log, batches, database);
    }

    public override async Task<bool> AppendAsync(string stream, long expectedSequence) =>
        (await _log.AppendAsync(stream, expectedSequence, _event).ConfigureAwait(false)).Succeeded;

    public override Task<IReadOnlyList<StoredStream>> ReadStoredAsync() => PostgresDriverSide.ReadStoredAsync(_database);

    public override async ValueTask DisposeAsync()
    {
        await _log.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        _batches.Dispose();
    }
}

/// <summary>
/// The baseline: the same table, one transaction per append through Npgsql's pool (each appender its own pooled
/// connection), with the same guarantee as the hub's log — gapless positions in commit order across writers — so each
/// transaction takes the same advisory lock, inserts at MAX(position) + 1 and commits; the (stream, sequence) primary
/// key is the compare-and-swap (a unique violation is a conflict, nothing written).
/// </summary>
internal sealed class PostgresDriverSide : S4Side
{
    private const string Append = """
        SELECT pg_advisory_xact_lock(@key);
        INSERT INTO event_log (position, stream, sequence, type, occurred_at, data)
        SELECT COALESCE(MAX(position), 0) + 1, @stream, @sequence, @type, now(), @data::json FROM event_log;
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _database;
    private readonly string _data = EventData.GetRawText();
    private long _commits;

    private PostgresDriverSide(NpgsqlDataSource dataSource, string database)
    {
        _dataSource = dataSource;
        _database = database;
    }

    public override string Name => "Npgsql, one INSERT per transaction (baseline)";

    public override long Commits => Interlocked.Read(ref _commits);

    public static async Task<PostgresDriverSide> StartAsync(string database)
    {
        var dataSource = NpgsqlDataSource.Create(database);
        await PostgresEventLogSchemaInstaller.ApplyAsync(dataSource); // the hub's own table, so both sides write the same rows
        return new PostgresDriverSide(dataSource, database);
    }

    public override async Task<bool> AppendAsync(string stream, long expectedSequence)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Append, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("key", 0x5048_4556_4C4F_4731));
        command.Parameters.Add(new NpgsqlParameter<string>("stream", stream));
        command.Parameters.Add(new NpgsqlParameter<long>("sequence", expectedSequence + 1));
        command.Parameters.Add(new NpgsqlParameter<string>("type", EventType));
        command.Parameters.Add(new NpgsqlParameter<string>("data", _data));
        try
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _commits);
        return true;
    }

    public override Task<IReadOnlyList<StoredStream>> ReadStoredAsync() => ReadStoredAsync(_database);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal static async Task<IReadOnlyList<StoredStream>> ReadStoredAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, StoredStream.GroupByStream, "event_log"), connection);
        await using var reader = await command.ExecuteReaderAsync();
        var streams = new List<StoredStream>();
        while (await reader.ReadAsync())
        {
            streams.Add(new StoredStream(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return streams;
    }
}
