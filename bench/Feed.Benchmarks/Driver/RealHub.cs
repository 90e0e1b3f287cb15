using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;
using PolicingHub.Testing;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// The real hub: one silo process (src/Silo's Release build, embedded profile: SQLite in its own temp data folder,
/// 127.0.0.1, a free port, REST rate limit lifted for the one coordinator that sends the commands; every hub limit at
/// its default), its tokens minted with its own key file, and the seed: the agencies and a ring of active agreements
/// (agreement k binds agencies k, k+1 and k+2).
/// </summary>
internal sealed class RealHub : IAsyncDisposable
{
    private readonly string _folder;
    private readonly TokenIssuer _issuer;

    private RealHub(string folder, SiloProcess silo, TokenIssuer issuer)
    {
        _folder = folder;
        Silo = silo;
        _issuer = issuer;
    }

    public SiloProcess Silo { get; }

    public string HubUrl => new Uri(Silo.Address, PolicingHub.Contracts.Feed.ConsoleHubProtocol.Path).ToString();

    /// <summary>Agreement ids by ring index: agreement k binds agencies k, k+1 and k+2 (mod the count).</summary>
    public List<string> Agreements { get; } = [];

    public static async Task<RealHub> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("policinghub-s3-").FullName;
        var silo = await SiloProcess.StartAsync(folder);
        var auth = Options.Create(new AuthOptions { SigningKeyPath = Path.Combine(folder, "signing-key.b64") });
        var issuer = new TokenIssuer(new SigningKeyStore(auth, NullLogger<SigningKeyStore>.Instance), auth, TimeProvider.System, NullLogger<TokenIssuer>.Instance);
        return new RealHub(folder, silo, issuer);
    }

    public string PartnerToken(string? agency) => _issuer.Issue(ActorRole.Partner, agency, null, TimeSpan.FromHours(2));

    public string CoordinatorToken(int n) => _issuer.Issue(ActorRole.Coordinator, null, $"s3-coordinator-{n}", TimeSpan.FromHours(2));

    /// <summary>Registers <paramref name="agencies"/> and drafts, signs and activates the ring of agreements, 8 requests at a time.</summary>
    public async Task SeedAsync(IReadOnlyList<string> agencies, HttpClient client)
    {
        await Parallel.ForEachAsync(agencies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (code, _) =>
            await PostAsync(client, "/api/agencies", new
            {
                code, name = $"S3 bench agency {code}", homeRegion = "local", languages = new[] { "en" }, capabilities = new[] { "Cyberspace" },
            }));
        var ids = new string[agencies.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, agencies.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (k, _) =>
        {
            var parties = new[] { agencies[k], agencies[(k + 1) % agencies.Count], agencies[(k + 2) % agencies.Count] };
            var id = $"MOU-S3-{k:D4}";
            await PostAsync(client, "/api/agreements", new
            {
                id,
                title = $"S3 bench MOU {k}",
                parties,
                areas = new[] { "Cyberspace" },
                responseClauses = new[] { new { area = "Cyberspace", priority = "Routine", acknowledgeWithin = "P3D", answerWithin = "P7D" } },
            });
            await PostAsync(client, $"/api/agreements/{id}/sign", new
            {
                signedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                signatories = parties.Select(p => new { agency = p, name = $"Director of {p}", title = "Director" }).ToArray(),
            });
            await PostAsync(client, $"/api/agreements/{id}/activate", new { });
            ids[k] = id;
        });
        Agreements.AddRange(ids);
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false, UseCookies = false })
        {
            BaseAddress = Silo.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, JsonSerializerOptions.Web);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"seeding: POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {_folder}: {e.Message}");
        }
    }
}
