using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>
/// The whole silo (runtime, grains, gateway) in process: the in-memory store unless <see cref="SqlitePath"/> is set, a
/// signing key in a fresh temp directory, and helpers that mint tokens and make clients carrying them.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policinghub-gateway-").FullName;

    /// <summary>A SQLite file to use instead of the in-memory store (set before the first client is created).</summary>
    public string? SqlitePath { get; init; }

    /// <summary>Extra configuration, e.g. ["PolicingHub:Limits:PermitPerSecond"] = "3" (set before the first client).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public string SigningKeyPath => Path.Combine(_directory, "signing-key.b64");

    /// <summary>A scratch directory removed with the factory.</summary>
    public string TempDirectory => _directory;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public string CoordinatorToken(string subject = "coordinator-test") => Tokens.Issue(ActorRole.Coordinator, null, subject);

    public string PartnerToken(string agency, string? subject = null) => Tokens.Issue(ActorRole.Partner, agency, subject ?? $"desk-{agency}");

    public string OperatorToken(string subject = "operator-test") => Tokens.Issue(ActorRole.Operator, null, subject);

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Coordinator(string subject = "coordinator-test") => ClientWithToken(CoordinatorToken(subject));

    public HttpClient Partner(string agency, string? subject = null) => ClientWithToken(PartnerToken(agency, subject));

    public HttpClient Operator(string subject = "operator-test") => ClientWithToken(OperatorToken(subject));

    private TokenIssuer Tokens => Services.GetRequiredService<TokenIssuer>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PolicingHub:Store", SqlitePath is null ? "InMemory" : "Sqlite");
        if (SqlitePath is not null)
        {
            builder.UseSetting("PolicingHub:Sqlite:Path", SqlitePath);
        }
        builder.UseSetting("PolicingHub:Auth:SigningKeyPath", SigningKeyPath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
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
