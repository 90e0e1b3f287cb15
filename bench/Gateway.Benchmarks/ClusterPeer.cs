using System.Globalization;
using Npgsql;
using PolicingHub.Testing;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// S6 on the cluster profile (<c>--store cluster</c>): a fresh PostgreSQL database on the <c>--postgres</c> server
/// (created here, dropped with every connection on dispose) and the second silo of the two — a real process
/// (src/Silo's build, <see cref="SiloProcess"/>) on the cluster profile, in the same cluster as the silo the bench runs
/// in its own process, sharing its signing key, so one coordinator token works on both gateways. Stopped by its PID.
/// </summary>
internal sealed class ClusterPeer : IAsyncDisposable
{
    private readonly string _server;

    private ClusterPeer(string server, string database)
    {
        _server = server;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 50 }.ConnectionString;
        ClusterId = database;
    }

    public string Database { get; }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    /// <summary>The second silo, once <see cref="StartSiloAsync"/> has run.</summary>
    public SiloProcess? Silo { get; private set; }

    /// <summary>Creates the database (ph_s6_ and 16 hex digits).</summary>
    public static async Task<ClusterPeer> CreateDatabaseAsync(string server)
    {
        var peer = new ClusterPeer(server, $"ph_s6_{Guid.NewGuid():N}"[..22]);
        await peer.ExecuteAsync($"CREATE DATABASE {peer.Database} TEMPLATE template0 ENCODING 'UTF8'");
        return peer;
    }

    /// <summary>The settings of a silo of this cluster in region <paramref name="region"/>, as configuration keys (PolicingHub:…).</summary>
    public Dictionary<string, string> Settings(string region, string signingKeyPath, string dataPath) => new(StringComparer.Ordinal)
    {
        ["PolicingHub:Profile"] = "Cluster",
        ["PolicingHub:Region"] = region,
        ["PolicingHub:Postgres:ConnectionString"] = ConnectionString,
        ["PolicingHub:Orleans:ClusterId"] = ClusterId,
        ["PolicingHub:DataPath"] = dataPath,
        ["PolicingHub:Auth:SigningKeyPath"] = signingKeyPath,
    };

    /// <summary>Starts the second silo (after the first has created the schema) and returns once it answers /health.</summary>
    public async Task StartSiloAsync(string signingKeyPath, string folder)
    {
        var settings = Settings("local", signingKeyPath, Path.Combine(folder, "peer")).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value, StringComparer.Ordinal);
        settings["PolicingHub__Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        settings["PolicingHub__Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        settings["PolicingHub__Limits__PermitPerSecond"] = "1000000";
        Silo = await SiloProcess.StartAsync(folder, settings);
    }

    /// <summary>The second silo's CPU time so far (zero before it started).</summary>
    public TimeSpan SiloCpu()
    {
        if (Silo is null || Silo.HasExited)
        {
            return TimeSpan.Zero;
        }
        using var process = System.Diagnostics.Process.GetProcessById(Silo.Pid);
        return process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
