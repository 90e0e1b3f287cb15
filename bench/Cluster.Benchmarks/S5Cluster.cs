using Npgsql;
using PolicingHub.Testing;

namespace PolicingHub.Benchmarks.Cluster;

/// <summary>
/// One S5 cluster: a fresh PostgreSQL database (dropped after) and silo processes on the cluster profile (the shared
/// <see cref="SiloCluster"/>): the first, alone in region "hub", takes the load and is never killed.
/// </summary>
internal sealed class S5Cluster : IAsyncDisposable
{
    private string _admin = "";
    private string _database = "";

    public SiloCluster Silos { get; private set; } = null!;

    public SiloProcess Gateway => Silos.Silos[0].Silo;

    public static async Task<S5Cluster> StartAsync(string postgres, bool tuned, IReadOnlyList<string> regions)
    {
        var cluster = new S5Cluster { _admin = postgres, _database = $"ph_s5_{Guid.NewGuid():N}"[..20] };
        await cluster.ExecuteAsync($"CREATE DATABASE {cluster._database}");
        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = cluster._database }.ConnectionString;
        try
        {
            cluster.Silos = await SiloCluster.StartAsync(connection, cluster._database, ["hub"], tuned);
            foreach (var region in regions)
            {
                await AddWithRetryAsync(cluster.Silos, region);
            }
        }
        catch
        {
            await cluster.DisposeAsync(); // the database too, when a silo fails to start
            throw;
        }
        return cluster;
    }

    public HttpClient Client() => Gateway.Client(Silos.Token);

    /// <summary>
    /// Starts a silo in <paramref name="region"/>, again (up to three times) when it exits while starting: on a loaded
    /// machine the tuned membership can declare a starting silo dead (a stall of 2 s), and Orleans then stops it.
    /// </summary>
    private static async Task AddWithRetryAsync(SiloCluster silos, string region)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await silos.AddAsync(region);
                return;
            }
            catch (InvalidOperationException exited) when (attempt < 3 && exited.Message.StartsWith("the silo exited", StringComparison.Ordinal))
            {
                Console.WriteLine($"  a silo in {region} exited while starting (attempt {attempt}); starting another");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Silos is not null)
        {
            await Silos.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
