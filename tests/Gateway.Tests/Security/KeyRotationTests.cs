using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;
using PolicingHub.Silo.Cli;

namespace PolicingHub.Gateway.Tests.Security;

/// <summary>Rotating the signing key with the token CLI: new tokens carry the new kid, tokens of the old key keep working until they expire.</summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task After_a_rotation_on_a_running_silo_old_and_new_tokens_both_work_and_carry_different_kids()
    {
        var issuer = _factory.Services.GetRequiredService<TokenIssuer>();
        var before = issuer.Issue(ActorRole.Coordinator, subject: "before-rotation");
        var kidBefore = new JsonWebToken(before).Kid;

        var exit = TokenCommand.Run([TokenCommand.RotateKey], Configuration(), TextWriter.Null, TextWriter.Null);
        var after = issuer.Issue(ActorRole.Coordinator, subject: "after-rotation");

        Assert.Equal(0, exit);
        Assert.Equal(SigningKeyStore.KeyIdOf(Convert.FromBase64String(File.ReadAllText(Path.Combine(
            SigningKeyStore.RetiredFolder(_factory.SigningKeyPath), kidBefore + ".b64")))), kidBefore);
        Assert.NotEqual(kidBefore, new JsonWebToken(after).Kid);
        using var old = _factory.ClientWithToken(before);
        using var fresh = _factory.ClientWithToken(after);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/agencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/agencies")).StatusCode);
    }

    [Fact]
    public async Task A_retired_key_older_than_the_longest_token_life_is_deleted_at_the_next_rotation_and_its_tokens_stop_working()
    {
        var issuer = _factory.Services.GetRequiredService<TokenIssuer>();
        var ancient = issuer.Issue(ActorRole.Coordinator, subject: "ancient");
        TokenCommand.Run([TokenCommand.RotateKey], Configuration(), TextWriter.Null, TextWriter.Null);
        var retired = Directory.GetFiles(SigningKeyStore.RetiredFolder(_factory.SigningKeyPath)).Single();
        File.SetLastWriteTimeUtc(retired, DateTime.UtcNow.AddHours(-13)); // retired longer ago than MaxTokenLifetime (12 h)

        using var output = new StringWriter();
        TokenCommand.Run([TokenCommand.RotateKey], Configuration(), output, TextWriter.Null);

        Assert.False(File.Exists(retired));
        Assert.EndsWith("1 expired retired key(s) deleted.", output.ToString().Trim(), StringComparison.Ordinal);
        using var client = _factory.ClientWithToken(ancient);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/agencies")).StatusCode);
    }

    private IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection([new("PolicingHub:Auth:SigningKeyPath", _factory.SigningKeyPath)])
        .Build();
}
