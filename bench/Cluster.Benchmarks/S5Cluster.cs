using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using PolicingHub.Testing;

namespace PolicingHub.Benchmarks.Cluster;

/// <summary>
/// One S5 cluster: a fresh PostgreSQL database, a gateway silo in region "hub" that takes the load (and is never
/// killed), and silos in the regions asked for; a shared signing key; membership tuned or left at Orleans' defaults.
/// </summary>
internal sealed class S5Cluster : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ph-s5-").FullName;
    private readonly List<(string Region, SiloProcess Silo)> _silos = [];
    private string _connection = "";
    private string _database = "";
    private string _admin = "";

    public required bool Tuned { get; init; }

    public SiloProcess Gateway => _silos[0].Silo;

    public string Token { get; private set; } = "";

    public IEnumerable<(string Region, SiloProcess Silo)> Silos => _silos;

    public static async Task<S5Cluster> StartAsync(string postgres, bool tuned, IReadOnlyList<string> regions)
    {
        var cluster = new S5Cluster { Tuned = tuned };
        await cluster.CreateDatabaseAsync(postgres);
        await cluster.AddAsync("hub");
        cluster.Token = await cluster.Gateway.FirstStartToken.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var region in regions)
        {
            await cluster.AddAsync(region);
        }
        return cluster;
    }

    public HttpClient Client() => Gateway.Client(Token);

    /// <summary>The silo address (as /api/cluster names it) each agency's grain is active on now.</summary>
    public async Task<Dictionary<string, string>> PlacementAsync()
    {
        using var client = Client();
        var cluster = await client.GetFromJsonAsync<JsonElement>("/api/cluster");
        return cluster.GetProperty("agencies").EnumerateArray()
            .Where(a => a.GetProperty("silo").ValueKind == JsonValueKind.String)
            .ToDictionary(a => a.GetProperty("agency").GetString()!, a => a.GetProperty("silo").GetString()!);
    }

    /// <summary>The Orleans address of each silo process (S127.0.0.1:port:generation), matched by its silo port.</summary>
    public async Task<Dictionary<string, SiloProcess>> AddressesAsync()
    {
        using var client = Client();
        var cluster = await client.GetFromJsonAsync<JsonElement>("/api/cluster");
        return cluster.GetProperty("silos").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "Active")
            .Select(s => s.GetProperty("address").GetString()!)
            .Select(a => (Address: a, Silo: _silos.Select(p => p.Silo).FirstOrDefault(p => a.Contains($":{p.SiloPort}:", StringComparison.Ordinal))))
            .Where(p => p.Silo is not null)
            .ToDictionary(p => p.Address, p => p.Silo!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, silo) in _silos)
        {
            await silo.DisposeAsync();
        }
        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task AddAsync(string region)
    {
        var settings = new Dictionary<string, string>
        {
            ["PolicingHub__Profile"] = "Cluster",
            ["PolicingHub__Region"] = region,
            ["PolicingHub__Postgres__ConnectionString"] = _connection,
            ["PolicingHub__DataPath"] = _folder,
            ["PolicingHub__Auth__SigningKeyPath"] = Path.Combine(_folder, "signing-key.b64"),
            ["PolicingHub__Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["PolicingHub__Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["PolicingHub__Orleans__ClusterId"] = _database,
            ["PolicingHub__Membership__Tuned"] = Tuned ? "true" : "false",
        };
        _silos.Add((region, await SiloProcess.StartAsync(_folder, settings)));
    }

    private async Task CreateDatabaseAsync(string postgres)
    {
        _admin = postgres;
        _database = $"ph_s5_{Guid.NewGuid():N}"[..20];
        await using var admin = new NpgsqlConnection(postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await create.ExecuteNonQueryAsync();
        _connection = new NpgsqlConnectionStringBuilder(postgres) { Database = _database }.ConnectionString;
    }
}
