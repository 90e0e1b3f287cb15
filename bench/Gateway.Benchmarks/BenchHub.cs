using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Benchmarks;

public enum StoreKind
{
    Sqlite,
    Memory,
}

/// <summary>
/// The whole silo (runtime, grains, gateway) on a real Kestrel at 127.0.0.1 and a free port, in this process. The store is
/// SQLite (a temp file, the default synchronous=FULL) or in memory. The rate limit is lifted, logging is at Warning, the
/// environment is Production. <c>GET /plaintext</c> answers "Hello, World!" before the hub's own pipeline.
/// </summary>
public sealed class BenchHub : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policinghub-s6-").FullName;

    public BenchHub(StoreKind store)
    {
        Store = store;
        // A key file in place, so the silo does not announce a "first start" with a coordinator token on the console.
        File.WriteAllText(SigningKeyPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(SigningKeyStore.KeyBytes)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SigningKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        UseKestrel(0);
    }

    public StoreKind Store { get; }

    public string DatabasePath => Path.Combine(_directory, "hub.db");

    private string SigningKeyPath => Path.Combine(_directory, "signing-key.b64");

    /// <summary>http://127.0.0.1:port/ once started.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public string CoordinatorToken(string subject) =>
        Services.GetRequiredService<TokenIssuer>().Issue(ActorRole.Coordinator, null, subject);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The factory looks for MvcTestingAppManifest.json in the current directory, which is the output folder under
        // `dotnet test` but not under `dotnet run`: read it from the output folder instead.
        builder.UseContentRoot(SiloContentRoot());
        builder.UseEnvironment("Production");
        builder.UseSetting("PolicingHub:Store", Store == StoreKind.Sqlite ? "Sqlite" : "InMemory");
        builder.UseSetting("PolicingHub:Sqlite:Path", DatabasePath);
        builder.UseSetting("PolicingHub:Auth:SigningKeyPath", SigningKeyPath);
        builder.UseSetting("PolicingHub:Limits:PermitPerSecond", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // First in the list, so outermost: /plaintext never reaches the hub's middleware.
        builder.ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, PlaintextStartupFilter>()));
    }

    private static string SiloContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
        return roots[typeof(Program).Assembly.GetName().FullName];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// What an assign needs, through the API as a coordinator: KR-KNPA and JP-NPA registered, an agreement between them
    /// covering Cyberspace (Routine: acknowledge within 3 days, answer within 7) drafted, signed and activated.
    /// </summary>
    /// <returns>The agreement's id.</returns>
    public async Task<string> SeedAsync(HttpClient client, string token)
    {
        foreach (var (code, name) in new[] { ("KR-KNPA", "Korean National Police Agency"), ("JP-NPA", "National Police Agency of Japan") })
        {
            await PostAsync(client, token, "/api/agencies", new
            {
                code, name, homeRegion = "ap-northeast", languages = new[] { "en" }, capabilities = new[] { "Cyberspace" },
            });
        }
        using var drafted = JsonDocument.Parse(await PostAsync(client, token, "/api/agreements", new
        {
            title = "S6 bench MOU",
            parties = new[] { "KR-KNPA", "JP-NPA" },
            areas = new[] { "Cyberspace" },
            responseClauses = new[] { new { area = "Cyberspace", priority = "Routine", acknowledgeWithin = "P3D", answerWithin = "P7D" } },
        }));
        var agreement = drafted.RootElement.GetProperty("id").GetString()!;
        await PostAsync(client, token, $"/api/agreements/{agreement}/sign", new
        {
            signedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            signatories = new[]
            {
                new { agency = "KR-KNPA", name = "Commissioner General of KR-KNPA", title = "Commissioner General" },
                new { agency = "JP-NPA", name = "Commissioner General of JP-NPA", title = "Commissioner General" },
            },
        });
        await PostAsync(client, token, $"/api/agreements/{agreement}/activate", new { });
        return agreement;
    }

    /// <summary>The JSON body of each assign: no id (the server names the task), a Routine/Green Cyberspace request.</summary>
    public static byte[] AssignBody(string agreement) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        agreement,
        requestingAgency = "KR-KNPA",
        assignee = "JP-NPA",
        kind = "InformationRequest",
        area = "Cyberspace",
        priority = "Routine",
        handling = "Green",
        title = "Subscriber records for a phishing domain",
        description = "S6 bench: identify the registrant and hosting of a domain used in a phishing campaign against Korean banks.",
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static async Task<string> PostAsync(HttpClient client, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding failed: POST {path} answered {(int)response.StatusCode}: {text}");
        }
        return text;
    }
}

/// <summary>Maps GET /plaintext → 200 "Hello, World!" (text/plain) in front of the rest of the pipeline.</summary>
internal sealed class PlaintextStartupFilter : IStartupFilter
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("Hello, World!");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) => context.Request.Path == "/plaintext" && HttpMethods.IsGet(context.Request.Method) ? Plaintext(context) : rest(context));
        next(app);
    };

    private static Task Plaintext(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain";
        response.ContentLength = Payload.Length;
        return response.Body.WriteAsync(Payload).AsTask();
    }
}

internal static class Loopback
{
    /// <summary>One pooled client for both sides: no proxy, no cookies, up to <paramref name="connections"/> connections.</summary>
    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
