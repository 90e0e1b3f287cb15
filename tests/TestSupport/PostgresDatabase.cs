using Npgsql;

namespace PolicingHub.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database for one test on the server scripts/test.sh starts (marker file
/// <c>needs-postgres</c> beside the test project; connection string in <see cref="EnvironmentVariable"/>), dropped
/// again — connections and all — on dispose.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "POLICINGHUB_TEST_POSTGRES";

    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>The database's name (ph_ and 32 hex digits).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string from the environment; throws with what to do when it is not set.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: run the suite through scripts/test.sh (it starts PostgreSQL 15), or point it at a throwaway server.");

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = ServerConnectionString;
        var name = $"ph_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresDatabase(server, name);
    }

    /// <summary>Runs one statement in this database and returns its first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
