using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Silo.Cli;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>The token CLI against a silo on the Sqlite profile: the CLI reads the same data folder's event log.</summary>
public sealed class TokenCommandTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("policinghub-token-cli-").FullName;
    private readonly GatewayFactory factory;

    public TokenCommandTests() => factory = GatewayFactory.OnSqlite(_data);

    public Task InitializeAsync() => factory.SeedDemoAsync();

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void A_partner_token_for_an_agency_not_registered_in_the_data_folders_log_is_refused()
    {
        var (exit, output, error) = Run("--role", "partner", "--agency", "FR-GN");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("agency FR-GN is not registered", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_event_log_on_disk_no_partner_token_is_issued()
    {
        var (exit, output, error) = Run(["--role", "partner", "--agency", "JP-NPA"], dataPath: Path.Combine(_data, "elsewhere"));

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("no event log at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_command_prints_a_partner_token_the_API_accepts_for_that_agency()
    {
        var (exit, output, error) = Run("--role", "partner", "--agency", "JP-NPA", "--subject", "desk-tokyo", "--hours", "1");

        Assert.Equal(0, exit);
        var jti = new JsonWebToken(output.Trim()).Id;
        Assert.Equal($"jti: {jti} (revoke it with: token revoke --jti {jti} --url URL --token COORDINATOR_TOKEN){Environment.NewLine}", error);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.Trim());
        var agreements = await client.GetAsync<IdOnly[]>("/api/agreements");
        Assert.Equal([Scenario.KoreaJapan], agreements.Select(a => a.Id));
    }

    [Fact]
    public async Task A_coordinator_token_from_the_command_reaches_coordinator_endpoints()
    {
        var (exit, output, _) = Run("--role", "coordinator");

        Assert.Equal(0, exit);
        using var client = factory.ClientWithToken(output.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Theory]
    [InlineData("--role", "partner")]
    [InlineData("--role", "admin")]
    [InlineData("--role", "partner", "--agency", "japan")]
    [InlineData("--role", "operator", "--hours", "-3")]
    [InlineData("--role", "operator", "--hours", "13")]
    [InlineData("--role", "operator", "--colour", "blue")]
    [InlineData("--role")]
    public void Bad_arguments_exit_with_2_and_print_no_token(params string[] args)
    {
        var (exit, output, error) = Run(args);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.NotEqual(string.Empty, error);
    }

    private (int Exit, string Output, string Error) Run(params string[] args) => Run(args, _data);

    private (int Exit, string Output, string Error) Run(string[] args, string dataPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("PolicingHub:Auth:SigningKeyPath", factory.SigningKeyPath), new("PolicingHub:DataPath", dataPath)])
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = TokenCommand.Run(args, configuration, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed record IdOnly(string Id);
}
