using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicingHub.EventLog;
using PolicingHub.EventLog.Orleans;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>
/// The whole process (Orleans silo, grains, gateway) in memory over the real Program: the InMemory store profile unless
/// <see cref="DataPath"/> is set (then Sqlite, with its files there), two free ports for Orleans' silo and gateway
/// endpoints picked at creation (classes run in parallel), a signing key in a fresh temp folder, and helpers that mint
/// tokens and make clients carrying them. The host starts on first use (Server, Services or a client).
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policinghub-gateway-").FullName;
    private IHost? _host;

    /// <summary>The Sqlite profile's data folder (events.db, orleans.db, keys, the silo lock); null runs the InMemory profile.</summary>
    public string? DataPath { get; init; }

    public bool UsesSqlite => DataPath is not null;

    /// <summary>PolicingHub:Profile (Cluster, Azure) with its settings in <see cref="Settings"/>; null keeps InMemory or Sqlite as above.</summary>
    public string? Profile { get; init; }

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    /// <summary>Extra configuration, e.g. ["PolicingHub:Limits:PermitPerSecond"] = "3" (set before the host starts).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>Service replacements applied after the host's own registrations (e.g. a hand-moved domain clock).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string SigningKeyPath => Path.Combine(_directory, "signing-key.b64");

    /// <summary>A scratch folder removed with the factory.</summary>
    public string TempDirectory => _directory;

    /// <summary>Orleans' grain factory from the host's services.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The store profile's event log.</summary>
    public IEventLog Log => Services.GetRequiredService<IEventLog>();

    internal HubReadModel ReadModel => Services.GetRequiredService<HubReadModel>();

    /// <summary>A factory on the Sqlite profile with its files in <paramref name="dataPath"/>.</summary>
    public static GatewayFactory OnSqlite(string dataPath, Dictionary<string, string?>? settings = null) =>
        new() { DataPath = dataPath, Settings = settings ?? [] };

    public string CoordinatorToken(string subject = "coordinator-test") => Tokens.Issue(ActorRole.Coordinator, null, subject);

    public string PartnerToken(string agency, string? subject = null) => Tokens.Issue(ActorRole.Partner, agency, subject ?? $"desk-{agency}");

    public string OperatorToken(string subject = "operator-test") => Tokens.Issue(ActorRole.Operator, null, subject);

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Coordinator(string subject = "coordinator-test") => ClientWithToken(CoordinatorToken(subject));

    public HttpClient Partner(string agency, string? subject = null) => ClientWithToken(PartnerToken(agency, subject));

    public HttpClient Operator(string subject = "operator-test") => ClientWithToken(OperatorToken(subject));

    /// <summary>Starts the host now (it would start on first use anyway).</summary>
    public GatewayFactory Started()
    {
        _ = Server;
        return this;
    }

    private TokenIssuer Tokens => Services.GetRequiredService<TokenIssuer>();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _host = host;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Profile is null)
        {
            builder.UseSetting("PolicingHub:Store", UsesSqlite ? "Sqlite" : "InMemory");
        }
        else
        {
            builder.UseSetting("PolicingHub:Profile", Profile);
        }
        builder.UseSetting("PolicingHub:DataPath", DataPath ?? Path.Combine(_directory, "data"));
        builder.UseSetting("PolicingHub:Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PolicingHub:Orleans:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PolicingHub:Auth:SigningKeyPath", SigningKeyPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (TestServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
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
}
