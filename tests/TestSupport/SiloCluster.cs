using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PolicingHub.Testing;

/// <summary>
/// Real silo processes on the cluster profile (one PostgreSQL database, one cluster id), each in a region: the first
/// one started creates the shared signing key and prints a coordinator token. Processes are stopped by PID on dispose.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ph-cluster-").FullName;
    private readonly List<(string Region, SiloProcess Silo)> _silos = [];
    private readonly string _postgres;
    private readonly string _clusterId;
    private readonly bool _tuned;

    private SiloCluster(string postgres, string clusterId, bool tuned)
    {
        _postgres = postgres;
        _clusterId = clusterId;
        _tuned = tuned;
    }

    /// <summary>A coordinator token (the first silo's first-start token).</summary>
    public string Token { get; private set; } = "";

    public IReadOnlyList<(string Region, SiloProcess Silo)> Silos => _silos;

    /// <summary>Starts one silo per region, in order (<paramref name="tuned"/> false: Orleans' membership defaults).</summary>
    public static async Task<SiloCluster> StartAsync(string postgres, string clusterId, IEnumerable<string> regions, bool tuned = true)
    {
        var cluster = new SiloCluster(postgres, clusterId, tuned);
        try
        {
            foreach (var region in regions)
            {
                var silo = await cluster.AddAsync(region);
                if (cluster.Token.Length == 0)
                {
                    cluster.Token = await silo.FirstStartToken.WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo in <paramref name="region"/>, with <paramref name="overrides"/> (PolicingHub__… settings) over the cluster's.</summary>
    public async Task<SiloProcess> AddAsync(string region, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PolicingHub__Profile"] = "Cluster",
            ["PolicingHub__Region"] = region,
            ["PolicingHub__Postgres__ConnectionString"] = _postgres,
            ["PolicingHub__DataPath"] = _folder,
            ["PolicingHub__Auth__SigningKeyPath"] = Path.Combine(_folder, "signing-key.b64"),
            ["PolicingHub__Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["PolicingHub__Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["PolicingHub__Orleans__ClusterId"] = _clusterId,
            ["PolicingHub__Membership__Tuned"] = _tuned ? "true" : "false",
            ["PolicingHub__Regions__RehomeInterval"] = "00:00:01",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }
        var silo = await SiloProcess.StartAsync(_folder, settings);
        _silos.Add((region, silo));
        return silo;
    }

    /// <summary>GET /api/cluster on <paramref name="via"/>.</summary>
    public async Task<JsonElement> ViewAsync(SiloProcess via)
    {
        using var client = via.Client(Token);
        return await client.GetFromJsonAsync<JsonElement>("/api/cluster");
    }

    /// <summary>The silo process each active agency grain lives on now (by its silo port in the Orleans address).</summary>
    public async Task<Dictionary<string, SiloProcess>> PlacementAsync(SiloProcess via)
    {
        var view = await ViewAsync(via);
        return view.GetProperty("agencies").EnumerateArray()
            .Where(a => a.GetProperty("silo").ValueKind == JsonValueKind.String)
            .Select(a => (Agency: a.GetProperty("agency").GetString()!, Silo: ByAddress(a.GetProperty("silo").GetString()!)))
            .Where(p => p.Silo is not null)
            .ToDictionary(p => p.Agency, p => p.Silo!, StringComparer.Ordinal);
    }

    /// <summary>The Orleans address /api/cluster gives <paramref name="silo"/> (S127.0.0.1:{silo port}:{generation}).</summary>
    public async Task<string> AddressOf(SiloProcess silo, SiloProcess via)
    {
        var view = await ViewAsync(via);
        return view.GetProperty("silos").EnumerateArray().Select(s => s.GetProperty("address").GetString()!)
            .Single(a => a.Contains($":{silo.SiloPort}:", StringComparison.Ordinal));
    }

    public string RegionOf(SiloProcess silo) => _silos.Single(s => s.Silo == silo).Region;

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, silo) in _silos)
        {
            await silo.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private SiloProcess? ByAddress(string address) =>
        _silos.Select(s => s.Silo).FirstOrDefault(s => address.Contains($":{s.SiloPort}:", StringComparison.Ordinal));
}
