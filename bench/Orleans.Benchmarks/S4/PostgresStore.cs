using Npgsql;
using PolicingHub.EventLog.Postgres;

namespace PolicingHub.Benchmarks.S4;

/// <summary>
/// Two throwaway databases on the PostgreSQL server of <c>--connection</c> (or <see cref="ServerVariable"/>), one per
/// side, dropped afterwards. Both sides connect with the same connection string (Npgsql's pool and auto-prepare).
/// </summary>
internal sealed class PostgresStore : S4Store
{
    public const string ServerVariable = "POLICINGHUB_BENCH_POSTGRES";

    private readonly string _server;
    private readonly List<string> _databases = [];

    public PostgresStore(string server)
    {
        if (PostgresConnectionStrings.Problem(server) is { } problem)
        {
            throw new ArgumentException($"--store postgres needs --connection \"Host=…;Port=…;Username=…\" (or {ServerVariable}); it {problem}.");
        }
        _server = new NpgsqlConnectionStringBuilder(server) { MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 }.ToString();
    }

    public override string Where => $"databases on {PostgresConnectionStrings.Redact(_server)}";

    public override async Task<IReadOnlyList<S4Side>> StartSidesAsync() =>
    [
        await PostgresDriverSide.StartAsync(await CreateDatabaseAsync("driver")),
        await PostgresHubSide.StartAsync(await CreateDatabaseAsync("hub")),
    ];

    public override async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await show.ExecuteScalarAsync()}");
        }
        return $"PostgreSQL ({string.Join(", ", settings)})";
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> CreateDatabaseAsync(string side)
    {
        var name = $"policinghub_s4_{side}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ToString();
    }
}
