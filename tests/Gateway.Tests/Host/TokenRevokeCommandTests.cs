using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Silo.Cli;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>The <c>token revoke</c> command: POST /api/tokens/revocations on a running silo with a coordinator's token.</summary>
public sealed class TokenRevokeCommandTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.SeedDemoAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Token_revoke_by_jti_prints_the_revocation_and_the_silo_refuses_the_token_from_then_on()
    {
        var token = factory.PartnerToken("JP-NPA");
        var jti = new JsonWebToken(token).Id;

        var (exit, output, error) = await Run("--jti", jti, "--url", "http://localhost", "--token", factory.CoordinatorToken());

        Assert.Equal((0, ""), (exit, error));
        Assert.Equal(jti, JsonDocument.Parse(output).RootElement.GetProperty("jti").GetString());
        using var client = factory.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/agencies")).StatusCode);
    }

    [Fact]
    public async Task Token_revoke_with_a_partner_token_exits_1_with_the_403_problem_and_revokes_nothing()
    {
        var token = factory.PartnerToken("CA-RCMP");

        var (exit, output, error) = await Run("--agency", "CA-RCMP", "--url", "http://localhost", "--token", token);

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal(403, JsonDocument.Parse(error).RootElement.GetProperty("status").GetInt32());
        using var client = factory.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/agencies")).StatusCode);
    }

    [Theory]
    [InlineData("--url", "http://localhost", "--token", "t")]
    [InlineData("--jti", "a", "--agency", "JP-NPA", "--url", "http://localhost", "--token", "t")]
    [InlineData("--jti", "a", "--url", "ftp://localhost", "--token", "t")]
    [InlineData("--jti", "a", "--url", "http://localhost", "--tokn", "t")]
    [InlineData("--jti")]
    public async Task Bad_arguments_exit_2_with_the_usage_and_call_nothing(params string[] args)
    {
        var (exit, output, error) = await Run(args);

        Assert.Equal((2, ""), (exit, output));
        Assert.EndsWith(TokenRevokeCommand.Usage + Environment.NewLine, error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TokenRevokeCommand.RunAsync(args, output, error, factory.Server.CreateHandler());
        return (exit, output.ToString(), error.ToString());
    }
}
