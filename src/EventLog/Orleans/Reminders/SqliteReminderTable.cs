using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// Orleans' reminder table on a SQLite file, for the embedded (one-silo) profile. Rows are scoped by the cluster's
/// service id; ETags are numbers that grow on every upsert and are never handed out twice (see <see cref="SqliteReminderSql"/>).
/// Writes share transactions through <see cref="SqliteReminderWriter"/> (group commit), so many reminders cost one fsync.
/// Registered by <see cref="SqliteReminderServiceExtensions.UseSqliteReminderService(global::Orleans.Hosting.ISiloBuilder, Action{SqliteReminderTableOptions})"/>.
/// </summary>
public sealed partial class SqliteReminderTable : IReminderTable
{
    private readonly string _serviceId;
    private readonly string _path;
    private readonly string _connectionString;
    private readonly ILogger<SqliteReminderTable> _logger;
    private SqliteReminderWriter? _writer;

    public SqliteReminderTable(
        IOptions<ClusterOptions> clusterOptions,
        IOptions<SqliteReminderTableOptions> options,
        ILogger<SqliteReminderTable> logger)
    {
        _serviceId = clusterOptions.Value.ServiceId;
        _path = Path.GetFullPath(options.Value.Path);
        _connectionString = SqliteDatabaseFile.ConnectionString(_path);
        _logger = logger;
    }

    /// <summary>Creates the folder, the file (in WAL mode) and the table if missing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SqliteDatabaseFile.EnsureSchemaAsync(_connectionString, SqliteReminderSql.Schema, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            LogStartFailed(_path, exception);
            throw;
        }
        _writer = new SqliteReminderWriter(_connectionString);
        LogStarted(_path, _serviceId);
    }

    private SqliteReminderWriter Writer => _writer ?? throw new InvalidOperationException("The SQLite reminder table is not started.");

    /// <summary>Closes the pooled connections to the file.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _writer, null) is { } writer)
        {
            await writer.DisposeAsync(); // writes already queued are committed first
        }
        SqliteDatabaseFile.ReleasePool(_connectionString);
    }

    [Obsolete("Orleans calls StartAsync.")]
    public Task Init() => StartAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        ReadManyAsync(SqliteReminderSql.ReadByGrain, command => command.Parameters.AddWithValue("@grain", grainId.ToString()), cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>Rows whose grain hash is in (begin, end]; when begin ≥ end the range wraps: hash &gt; begin or hash ≤ end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        ReadManyAsync(
            begin < end ? SqliteReminderSql.ReadRange : SqliteReminderSql.ReadWrappedRange,
            command =>
            {
                command.Parameters.AddWithValue("@begin", (long)begin);
                command.Parameters.AddWithValue("@end", (long)end);
            },
            cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await SqliteDatabaseFile.OpenAsync(_connectionString, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteReminderSql.ReadOne;
            command.Parameters.AddWithValue("@service", _serviceId);
            command.Parameters.AddWithValue("@grain", grainId.ToString());
            command.Parameters.AddWithValue("@name", reminderName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
        }
        catch (SqliteException exception)
        {
            LogReadFailed(grainId, reminderName, exception);
            throw;
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Inserts or replaces the row and gives it a fresh ETag, larger than any this file has handed out.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var etag = await Writer.Enqueue(async (connection, transaction) =>
            {
                long next;
                await using (var counter = connection.CreateCommand())
                {
                    counter.Transaction = transaction;
                    counter.CommandText = SqliteReminderSql.NextETag;
                    next = (long)(await counter.ExecuteScalarAsync()
                        ?? throw new InvalidOperationException("The reminder ETag counter row is missing."));
                }
                await using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = SqliteReminderSql.Upsert;
                upsert.Parameters.AddWithValue("@service", _serviceId);
                upsert.Parameters.AddWithValue("@grain", entry.GrainId.ToString());
                upsert.Parameters.AddWithValue("@name", entry.ReminderName);
                upsert.Parameters.AddWithValue("@start", FormatTime(entry.StartAt));
                upsert.Parameters.AddWithValue("@period", (long)entry.Period.TotalMilliseconds);
                upsert.Parameters.AddWithValue("@hash", (long)entry.GrainId.GetUniformHashCode());
                upsert.Parameters.AddWithValue("@etag", next);
                await upsert.ExecuteNonQueryAsync();
                return next;
            }, cancellationToken);
            return FormatETag(etag);
        }
        catch (SqliteException exception)
        {
            LogUpsertFailed(entry.GrainId, entry.ReminderName, exception);
            throw;
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the row only if its ETag is still <paramref name="eTag"/>; false when it is not (or is gone).</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            LogRemoveRefused(grainId, reminderName, eTag);
            return false;
        }

        try
        {
            var removed = await Writer.Enqueue(async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteReminderSql.Remove;
                command.Parameters.AddWithValue("@service", _serviceId);
                command.Parameters.AddWithValue("@grain", grainId.ToString());
                command.Parameters.AddWithValue("@name", reminderName);
                command.Parameters.AddWithValue("@etag", expected);
                return await command.ExecuteNonQueryAsync() == 1;
            }, cancellationToken);
            if (!removed)
            {
                LogRemoveRefused(grainId, reminderName, eTag);
            }
            return removed;
        }
        catch (SqliteException exception)
        {
            LogRemoveFailed(grainId, reminderName, exception);
            throw;
        }
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Removes this service's rows (other service ids on the same file keep theirs).</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await SqliteDatabaseFile.OpenAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteReminderSql.Clear;
        command.Parameters.AddWithValue("@service", _serviceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ReminderTableData> ReadManyAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await SqliteDatabaseFile.OpenAsync(_connectionString, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@service", _serviceId);
            bind(command);
            var entries = new List<ReminderEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(ReadEntry(reader));
            }
            return new ReminderTableData(entries);
        }
        catch (SqliteException exception)
        {
            LogReadManyFailed(_serviceId, exception);
            throw;
        }
    }

    private static ReminderEntry ReadEntry(SqliteDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = ParseTime(reader.GetString(2)),
        Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
        ETag = FormatETag(reader.GetInt64(4)),
    };

    /// <summary>UTC, ISO 8601 with ticks; an unspecified kind is taken as UTC (as Orleans' ADO.NET table does).</summary>
    private static string FormatTime(DateTime time)
    {
        var utc = time.Kind switch
        {
            DateTimeKind.Utc => time,
            DateTimeKind.Local => time.ToUniversalTime(),
            _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        };
        return utc.ToString("O", CultureInfo.InvariantCulture);
    }

    private static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string FormatETag(long etag) => etag.ToString(CultureInfo.InvariantCulture);
}
