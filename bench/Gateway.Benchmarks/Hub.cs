using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Benchmarks;

public enum StoreKind
{
    Sqlite,
    InMemory,

    /// <summary>The cluster profile on PostgreSQL: this process's silo and a second silo process (<see cref="ClusterPeer"/>).</summary>
    Cluster,
}

/// <summary>
/// The real silo: src/Silo's <c>Program</c> entry point, run in this process on a thread of its own with its settings on
/// the command line — the store profile, a temp PolicingHub:DataPath, Kestrel on 127.0.0.1 and a free port, Orleans on
/// free silo and gateway ports, a signing key written beforehand (so no first-start token is printed), the rate limit
/// lifted, logging at Warning, the Production environment — plus the bench's hosting startup (<see cref="BenchHostingStartup"/>).
/// Stopping it asks the app to stop, waits for <c>Main</c> to return, then disposes its services.
/// </summary>
internal sealed class Hub : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Thread _main;
    private readonly TaskCompletionSource<int> _exited;

    private Hub(StoreKind store, string folder, Uri address, IServiceProvider services, Thread main, TaskCompletionSource<int> exited)
    {
        Store = store;
        _folder = folder;
        BaseAddress = address;
        Services = services;
        _main = main;
        _exited = exited;
    }

    public StoreKind Store { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services { get; }

    public string DataPath => Path.Combine(_folder, "data");

    /// <summary>The temp folder the silo works in (the cluster's second silo works in it too).</summary>
    public string Folder => _folder;

    public string SigningKeyPath => Path.Combine(_folder, "signing-key.b64");

    /// <summary>Starts the silo on <paramref name="store"/>; <paramref name="cluster"/> (the database and cluster id) is required for <see cref="StoreKind.Cluster"/>.</summary>
    public static async Task<Hub> StartAsync(StoreKind store, GrainCallTimer? profile, ClusterPeer? cluster = null)
    {
        var folder = Directory.CreateTempSubdirectory("policinghub-s6-").FullName;
        var keyPath = Path.Combine(folder, "signing-key.b64");
        File.WriteAllText(keyPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(SigningKeyStore.KeyBytes)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var port = FreePort();
        var storeArgs = store == StoreKind.Cluster
            ? (cluster ?? throw new ArgumentNullException(nameof(cluster))).Settings("local", keyPath, Path.Combine(folder, "data")).Select(p => $"--{p.Key}={p.Value}").ToArray()
            : [$"--PolicingHub:Store={store}", $"--PolicingHub:DataPath={Path.Combine(folder, "data")}", $"--PolicingHub:Auth:SigningKeyPath={keyPath}"];
        string[] args =
        [
            $"--urls=http://127.0.0.1:{port}",
            "--environment=Production",
            $"--contentRoot={folder}",
            "--hostingStartupAssemblies=PolicingHub.Gateway.Benchmarks",
            .. storeArgs,
            $"--PolicingHub:Orleans:SiloPort={FreePort()}",
            $"--PolicingHub:Orleans:GatewayPort={FreePort()}",
            "--PolicingHub:Limits:PermitPerSecond=1000000",
            "--Logging:LogLevel:Default=Warning",
        ];
        HubHook.Reset(profile);
        var entry = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("The silo assembly has no entry point.");
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var main = new Thread(() =>
        {
            try
            {
                var result = entry.Invoke(null, [args]);
                exited.TrySetResult(result switch
                {
                    Task<int> task => task.GetAwaiter().GetResult(),
                    int code => code,
                    _ => 0,
                });
            }
            catch (Exception exception)
            {
                exited.TrySetException(exception);
            }
        })
        { IsBackground = true, Name = "silo Main" };
        main.Start();
        var first = await Task.WhenAny(HubHook.Started, exited.Task).WaitAsync(TimeSpan.FromSeconds(120));
        if (first != HubHook.Started)
        {
            var code = await exited.Task;
            throw new InvalidOperationException($"The silo's Main returned {code} before the app started.");
        }
        return new Hub(store, folder, new Uri($"http://127.0.0.1:{port}/"), await HubHook.Started, main, exited);
    }

    public string CoordinatorToken(string subject) =>
        Services.GetRequiredService<TokenIssuer>().Issue(ActorRole.Coordinator, null, subject);

    public async ValueTask DisposeAsync()
    {
        Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var code = await _exited.Task.WaitAsync(TimeSpan.FromSeconds(60));
        _main.Join(TimeSpan.FromSeconds(10));
        if (Services is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        if (code != 0)
        {
            Console.Error.WriteLine($"The silo's Main returned {code}.");
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Could not delete {_folder}: {exception.Message}");
        }
    }

    /// <summary>
    /// What an assign needs, through the API as a coordinator: KR-KNPA and JP-NPA registered, an agreement between them
    /// covering Cyberspace (Routine: acknowledge within 3 days, answer within 7) drafted, signed and activated.
    /// </summary>
    /// <returns>The agreement's id.</returns>
    public static async Task<string> SeedAsync(HttpClient client, string token)
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

    /// <summary>The JSON body of each assign: no id (the server names the task from the Idempotency-Key), a Routine/Green Cyberspace request.</summary>
    public static byte[] AssignBody(string agreement) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        agreement,
        requestingAgency = "KR-KNPA",
        assignee = "JP-NPA",
        kind = "InformationRequest",
        area = "Cyberspace",
        priority = "Routine",
        handling = "Green",
        title = AssignTitle,
        description = AssignDescription,
    }, JsonOptions);

    public const string AssignTitle = "Subscriber records for a phishing domain";

    public const string AssignDescription =
        "S6 bench: identify the registrant and hosting of a domain used in a phishing campaign against Korean banks.";

    /// <summary>How many tasks the hub lists (GET /api/tasks as a coordinator, which first catches the read model up with the log).</summary>
    public static async Task<int> CountTasksAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return document.RootElement.GetArrayLength();
    }

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

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class Loopback
{
    /// <summary>One pooled client for every side: no proxy, no cookies, up to <paramref name="connections"/> connections.</summary>
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
