using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>
/// The whole process (Orleans silo, grains, gateway, web console) on real Kestrel at 127.0.0.1 on a free port, so a
/// browser can reach it: the InMemory store profile, Orleans' silo and gateway endpoints on two free ports of their own,
/// a signing key in a fresh temp directory, and helpers that mint tokens and make REST clients carrying them. Started by
/// <see cref="Start"/>; <see cref="BaseAddress"/> is where it listens.
/// </summary>
public sealed class LiveSilo : WebApplicationFactory<Program>
{
    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly bool _sqlite;

    private LiveSilo(string? directory, int port)
    {
        _ownsDirectory = directory is null;
        _sqlite = directory is not null;
        _directory = directory ?? Directory.CreateTempSubdirectory("policinghub-browser-").FullName;
        UseKestrel(port);
    }

    /// <summary>The listening address, e.g. http://127.0.0.1:41234/ (from the server's address feature).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// Starts a silo on a free port with the in-memory store; or, given <paramref name="directory"/>, on the embedded
    /// SQLite store in that directory (kept on dispose) and on <paramref name="port"/>, so a test can stop it and start
    /// it again where a page expects it.
    /// </summary>
    public static LiveSilo Start(string? directory = null, int port = 0)
    {
        var silo = new LiveSilo(directory, port);
        try
        {
            silo.StartServer();
            var addresses = silo.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var address = addresses.Count == 1 && addresses.Single().StartsWith("http://127.0.0.1:", StringComparison.Ordinal)
                ? addresses.Single()
                : throw new InvalidOperationException($"Expected one address on 127.0.0.1, the silo listens on: {string.Join(", ", addresses)}");
            silo.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            return silo;
        }
        catch
        {
            silo.Dispose();
            throw;
        }
    }

    public string CoordinatorToken(string subject = "coordinator-browser") => Tokens.Issue(ActorRole.Coordinator, null, subject);

    public string PartnerToken(string agency, string? subject = null) => Tokens.Issue(ActorRole.Partner, agency, subject ?? $"desk-{agency}");

    public string OperatorToken(string subject = "operator-browser") => Tokens.Issue(ActorRole.Operator, null, subject);

    /// <summary>A plain HttpClient over the network to <see cref="BaseAddress"/> (not the in-memory test handler).</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Coordinator() => ClientWithToken(CoordinatorToken());

    private TokenIssuer Tokens => Services.GetRequiredService<TokenIssuer>();

    /// <summary>Loads the demo day (agencies, the KR–JP and KR–CA MOUs, commitments, tasks) as --seed-demo does.</summary>
    public async Task SeedDemoAsync() => await Services.GetRequiredService<PolicingHub.Silo.Demo.DemoSeeder>().SeedAsync();

    /// <summary>Orleans' silo-to-silo port, free when the silo was created.</summary>
    public int SiloPort { get; } = FreePorts.Next();

    /// <summary>Orleans' client gateway port, free when the silo was created.</summary>
    public int GatewayPort { get; } = FreePorts.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PolicingHub:Store", _sqlite ? "Sqlite" : "InMemory");
        builder.UseSetting("PolicingHub:DataPath", Path.Combine(_directory, "data"));
        builder.UseSetting("PolicingHub:Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PolicingHub:Orleans:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PolicingHub:Auth:SigningKeyPath", Path.Combine(_directory, "signing-key.b64"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ContentSecurityPolicy>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
