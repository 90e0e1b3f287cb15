using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>
/// The SQLite file behind the embedded store. Creates its folder and schema on first use (WAL mode). All writes go
/// through one dedicated connection, one transaction at a time (SQLite serializes writers anyway); reads use
/// separate pooled connections, which WAL lets run alongside the writer. The write connection keeps its statements
/// prepared (<see cref="SqliteStatementCache"/>), so a write does not compile its SQL again.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 5000;

    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;
    private SqliteStatementCache? _statements;
    private bool _disposed;

    public SqliteDatabase(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (!_options.IsValid)
        {
            throw new OptionsValidationException(
                SqliteStoreOptions.SectionName, typeof(SqliteStoreOptions), ["The SQLite store needs a non-empty Path."]);
        }
        FilePath = Path.GetFullPath(_options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a pooled connection for reading; dispose it when done.</summary>
    internal async Task<SqliteConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _writer) is null)
        {
            await EnsureCreatedAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one BEGIN IMMEDIATE transaction on the write connection; commits when it returns.
    /// Every statement of the work comes from the write connection's <see cref="SqliteStatementCache"/>.
    /// </summary>
    internal async Task<T> WriteAsync<T>(
        Func<SqliteStatementCache, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var statements = await OpenWriterOnceAsync(cancellationToken);
            using var transaction = _writer!.BeginTransaction(deferred: false);
            var result = await work(statements, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Opens the write connection, creating the folder, the file and the schema if needed; the gate makes it happen once.</summary>
    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await OpenWriterOnceAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _statements?.Dispose();
            _statements = null;
            _writer?.Dispose();
            _writer = null;
            using var pooled = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The write connection's statements, opening it first if needed; call it holding the gate.</summary>
    private async Task<SqliteStatementCache> OpenWriterOnceAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_statements is null)
        {
            var connection = await OpenWriterAsync(cancellationToken);
            _statements = new SqliteStatementCache(connection);
            Volatile.Write(ref _writer, connection);
        }
        return _statements;
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var synchronous = _options.Synchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL";
            await using (var pragmas = connection.Command(
                $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};"))
            {
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }
            using var transaction = connection.BeginTransaction(deferred: false);
            await using (var schema = connection.Command(SqliteSchema.Create, transaction))
            {
                await schema.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
