using Microsoft.Data.Sqlite;

namespace PolicingHub.EventLog.Sqlite;

/// <summary>
/// The event log's database file: creates its folder, WAL mode and table once, on first use; opens the one write
/// connection (kept by the batch writer) and read connections (kept by <see cref="SqliteLogReaders"/>), which WAL lets
/// run beside the writer and which only ever see committed transactions. The driver pools none of them: each has one
/// owner that keeps it open and closes it.
/// </summary>
internal sealed class SqliteEventLogFile
{
    private const int BusyTimeoutMilliseconds = 5000;

    /// <summary>SQLite's own automatic checkpoint threshold, in pages.</summary>
    private const int DefaultAutoCheckpointPages = 1000;

    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private volatile bool _created;

    public SqliteEventLogFile(string path)
    {
        FilePath = Path.GetFullPath(path);
        _writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
        _readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Creates the folder, the file, WAL mode and the table if missing; after the first success, returns at once.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }
        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }
            var folder = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await using var connection = new SqliteConnection(_writerConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; {SqliteEventLogSchema.JournalMode}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, SqliteEventLogSchema.Create, cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        finally
        {
            _createGate.Release();
        }
    }

    /// <summary>Opens the write connection with its pragmas; the file must exist (<see cref="EnsureCreatedAsync"/>).</summary>
    /// <param name="synchronous">How hard each commit is pushed to disk.</param>
    /// <param name="backgroundCheckpoints">True when a <see cref="SqliteWalCheckpointer"/> runs beside it: the writer then checkpoints only past a safety limit.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public Task<SqliteConnection> OpenWriterAsync(SqliteSynchronousMode synchronous, bool backgroundCheckpoints, CancellationToken cancellationToken)
    {
        var mode = synchronous == SqliteSynchronousMode.Normal ? "NORMAL" : "FULL";
        var autoCheckpoint = backgroundCheckpoints ? SqliteWalCheckpointer.WriterSafetyLimitPages : DefaultAutoCheckpointPages;
        return OpenUnpooledAsync(
            $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = {mode}; PRAGMA wal_autocheckpoint = {autoCheckpoint};",
            cancellationToken);
    }

    /// <summary>Opens the checkpointer's own connection (not pooled: it lives as long as the log).</summary>
    public async Task<SqliteConnection> OpenCheckpointerAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenUnpooledAsync($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A connection of its own (not pooled) with <paramref name="pragmas"/> applied; closed again if they fail.</summary>
    private async Task<SqliteConnection> OpenUnpooledAsync(string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a read connection, creating the file first if needed; disposing it closes it.</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
