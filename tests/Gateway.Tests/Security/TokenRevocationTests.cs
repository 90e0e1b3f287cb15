using System.Net;
using System.Text.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Tests.Feed;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Security;

namespace PolicingHub.Gateway.Tests.Security;

/// <summary>
/// POST /api/tokens/revocations: a revoked token (by jti, or every token of an agency issued before the cut-off) is
/// refused by REST with "token revoked", its live console connections are closed with that reason, and nothing else
/// is affected. Bad requests and other roles change nothing.
/// </summary>
public sealed class TokenRevocationTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Revocations = "/api/tokens/revocations";

    [Fact]
    public async Task A_revoked_jti_is_refused_by_REST_with_token_revoked_while_other_tokens_of_the_agency_still_work()
    {
        await factory.SeedDemoAsync();
        var revoked = factory.PartnerToken("JP-NPA");
        var other = factory.PartnerToken("JP-NPA");
        using var coordinator = factory.Coordinator();

        var response = await coordinator.PostJsonAsync(Revocations, new { jti = JtiOf(revoked) });
        var again = await coordinator.PostJsonAsync(Revocations, new { jti = JtiOf(revoked) });

        var view = await response.ReadAsync<JsonElement>();
        Assert.Equal(JtiOf(revoked), view.GetProperty("jti").GetString());
        Assert.Equal(view.GetRawText(), (await again.ReadAsync<JsonElement>()).GetRawText()); // idempotent: the first revocation
        using var refused = factory.ClientWithToken(revoked);
        var answer = await refused.GetAsync("/api/agencies");
        var problem = await answer.ProblemAsync(401);
        Assert.Equal("token revoked", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"token revoked\"", answer.Headers.WwwAuthenticate.ToString());
        using var accepted = factory.ClientWithToken(other);
        Assert.Equal(HttpStatusCode.OK, (await accepted.GetAsync("/api/agencies")).StatusCode);
        var stream = await RevocationsInLogAsync();
        var revokedAt = stream.Single(e => e.Type == "security.token-revoked" && e.Data.GetProperty("tokenId").GetString() == JtiOf(revoked));
        var audited = stream.Single(e => e.Sequence == revokedAt.Sequence + 1); // the same append: who revoked it
        Assert.Equal(("command.accepted", "RevokeToken", "coordinator-test"),
            (audited.Type, audited.Data.GetProperty("command").GetString(), audited.Data.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task Revoking_an_agency_refuses_its_tokens_issued_before_the_cut_off_and_accepts_those_issued_from_it()
    {
        await factory.SeedDemoAsync();
        var earlier = factory.PartnerToken("CA-RCMP");
        var otherAgency = factory.PartnerToken("KR-KNPA");
        using var coordinator = factory.Coordinator();

        var view = await (await coordinator.PostJsonAsync(Revocations, new { agency = "CA-RCMP" })).ReadAsync<JsonElement>();

        var cutOff = view.GetProperty("issuedBefore").GetDateTimeOffset();
        Assert.Equal("CA-RCMP", view.GetProperty("agency").GetString());
        Assert.Equal(0, cutOff.Millisecond);
        Assert.True(cutOff > DateTimeOffset.UtcNow.AddSeconds(-5) && cutOff <= DateTimeOffset.UtcNow.AddSeconds(1), $"cut-off {cutOff:O}");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(earlier));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(Sign("CA-RCMP", cutOff.AddSeconds(-1))));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(Sign("CA-RCMP", cutOff)));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(otherAgency));
    }

    [Fact]
    public async Task A_live_console_of_a_revoked_token_is_told_token_revoked_and_closed_while_other_consoles_stay()
    {
        await factory.SeedDemoAsync();
        var revoked = factory.PartnerToken("JP-NPA");
        var (console, _) = await ConsoleClient.ConnectAsync(factory.Server, revoked);
        var (other, _) = await ConsoleClient.ConnectAsync(factory.Server, factory.PartnerToken("JP-NPA"));
        var (watcher, _) = await ConsoleClient.ConnectAsync(factory.Server, factory.CoordinatorToken());
        var reason = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.Connection.On<string>("feed-closed", r => reason.TrySetResult(r));
        await using (console)
        await using (other)
        await using (watcher)
        {
            using var coordinator = factory.Coordinator();
            (await coordinator.PostJsonAsync(Revocations, new { jti = JtiOf(revoked) })).EnsureSuccessStatusCode();

            Assert.Equal("token revoked", await reason.Task.Within());
            await console.ClosedWith.Task.Within();
            var task = await factory.AssignTaskAsync();
            await other.WaitForAsync(e => e.Stream == $"task/{task}" && e.Type == "task.assigned");
            Assert.Equal(HubConnectionState.Connected, other.Connection.State);
            Assert.DoesNotContain(console.Events, e => e.Stream == $"task/{task}");
            await watcher.WaitForAsync(e => e.Stream == $"task/{task}" && e.Type == "task.assigned");
            Assert.DoesNotContain(watcher.Events, e => e.Stream.StartsWith("security/", StringComparison.Ordinal)); // not even coordinators
            // A new connection with the revoked token is refused at authentication.
            var again = ConsoleClient.Create(factory.Server, revoked);
            await using (again)
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(() => again.Connection.StartAsync().Within());
                Assert.Contains("401", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("{}", "jti")]
    [InlineData("{\"jti\":\"abc\",\"agency\":\"JP-NPA\"}", "agency")]
    [InlineData("{\"jti\":\"\"}", "jti")]
    [InlineData("{\"jti\":\"abc\\u0000\"}", "jti")]
    [InlineData("{\"jti\":\"has space\"}", "jti")]
    [InlineData("{\"agency\":\"jp-npa\\n\"}", "agency")]
    public async Task A_bad_revocation_request_gets_a_validation_problem_and_changes_nothing(string json, string field)
    {
        using var coordinator = factory.Coordinator();
        var before = (await RevocationsInLogAsync()).Count;

        var problem = await (await coordinator.PostRawAsync(Revocations, json)).ProblemAsync(400);

        Assert.Equal([field], problem.ErrorFields());
        Assert.Equal(before, (await RevocationsInLogAsync()).Count);
    }

    [Fact]
    public async Task Revoking_an_agency_that_is_not_registered_is_not_found_and_changes_nothing()
    {
        using var coordinator = factory.Coordinator();
        var before = (await RevocationsInLogAsync()).Count;

        await (await coordinator.PostJsonAsync(Revocations, new { agency = "FR-NEVER" })).ProblemAsync(404);

        Assert.Equal(before, (await RevocationsInLogAsync()).Count);
    }

    [Fact]
    public async Task Only_coordinators_may_revoke_tokens()
    {
        await factory.SeedDemoAsync();
        var target = factory.CoordinatorToken();
        var before = (await RevocationsInLogAsync()).Count;
        using var partner = factory.Partner("JP-NPA");
        using var @operator = factory.Operator();

        await (await partner.PostJsonAsync(Revocations, new { jti = JtiOf(target) })).ProblemAsync(403);
        await (await @operator.PostJsonAsync(Revocations, new { agency = "JP-NPA" })).ProblemAsync(403);

        Assert.Equal(before, (await RevocationsInLogAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, await StatusWith(target));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(factory.PartnerToken("JP-NPA")));
    }

    [Fact]
    public async Task A_hub_call_with_a_revoked_token_is_refused_with_token_revoked_and_its_connection_aborted()
    {
        await factory.SeedDemoAsync();
        var token = factory.PartnerToken("JP-NPA");
        var guard = factory.Services.GetRequiredService<HubCallGuard>();
        var caller = new RecordingCaller(await PrincipalOfAsync(token));
        var invocation = new HubInvocationContext(caller, factory.Services, new NoHub(), typeof(NoHub).GetMethod(nameof(NoHub.Ping))!, []);
        var calls = 0;
        ValueTask<object?> Next(HubInvocationContext _) => ValueTask.FromResult<object?>(++calls);

        Assert.Equal(1, await guard.InvokeMethodAsync(invocation, Next));
        using var coordinator = factory.Coordinator();
        (await coordinator.PostJsonAsync(Revocations, new { jti = JtiOf(token) })).EnsureSuccessStatusCode();
        var refused = await Assert.ThrowsAsync<HubException>(async () => await guard.InvokeMethodAsync(invocation, Next));

        Assert.Equal("Forbidden: the connection's token is no longer accepted (token revoked).", refused.Message);
        Assert.Equal(1, calls);
        Assert.True(caller.Aborted);
    }

    internal static string JtiOf(string token) => new JsonWebToken(token).Id;

    private async Task<HttpStatusCode> StatusWith(string token)
    {
        using var client = factory.ClientWithToken(token);
        return (await client.GetAsync("/api/agencies")).StatusCode;
    }

    private async Task<List<EventEnvelope>> RevocationsInLogAsync() =>
        [.. await factory.Log.ReadStreamAsync(ITokenRevocationGrain.Stream, 0, 10_000)];

    /// <summary>The principal JwtBearer makes of <paramref name="token"/> (the hub's own validation parameters).</summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(string token)
    {
        var bearer = factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, bearer.TokenValidationParameters);
        Assert.True(result.IsValid, result.Exception?.Message);
        return new ClaimsPrincipal(result.ClaimsIdentity);
    }

    private sealed class NoHub : Hub
    {
        public static void Ping()
        {
        }
    }

    /// <summary>A hub connection as the guard sees it: the token's principal, and whether it was aborted.</summary>
    private sealed class RecordingCaller(ClaimsPrincipal user) : HubCallerContext
    {
        public bool Aborted { get; private set; }

        public override string ConnectionId { get; } = Guid.NewGuid().ToString("N");

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => user;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort() => Aborted = true;
    }

    /// <summary>A partner token signed with the hub's key, issued at <paramref name="issuedAt"/> (iat), valid for ten minutes.</summary>
    private string Sign(string agency, DateTimeOffset issuedAt)
    {
        var auth = factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = $"desk-{agency}", ["role"] = "partner", ["agency"] = agency, ["jti"] = Guid.NewGuid().ToString("N") },
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(factory.Services.GetRequiredService<SigningKeyStore>().Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
