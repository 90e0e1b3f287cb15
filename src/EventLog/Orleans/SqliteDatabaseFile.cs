using Microsoft.Data.Sqlite;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// How the Orleans providers on SQLite open their file: one connection string per path (pooled), the folder created on
/// first use, WAL set once (it is a property of the file, not of a connection), and a busy timeout on every connection
/// so a writer waits for another instead of failing at once.
/// </summary>
internal static class SqliteDatabaseFile
{
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>The connection string for <paramref name="path"/> (relative paths resolve against the current directory).</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Opens a pooled connection with the busy timeout set.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the file's folder, opens it and switches it to WAL (persistent in the file), then runs
    /// <paramref name="schema"/> in one immediate transaction. Safe to call again: the schema must be idempotent.
    /// </summary>
    public static async Task EnsureSchemaAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(connectionString, cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite file {path} refused WAL mode (journal_mode is {mode}).");
            }
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the idle pooled connections to this file, so a stopped provider leaves no handle open.</summary>
    public static void ReleasePool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
