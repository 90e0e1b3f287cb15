using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Security;

/// <summary>Revocations live in the event log: a silo restarted on the same data refuses what was revoked before, from its first request.</summary>
public sealed class TokenRevocationRestartTests
{
    [Fact]
    public async Task A_revocation_survives_a_restart_on_the_same_SQLite_data()
    {
        using var data = new TempFolder("policinghub-revocation-");
        var settings = new Dictionary<string, string?> { ["PolicingHub:Auth:SigningKeyPath"] = data.File("signing-key.b64") };
        string revoked, kept, agencyWide;
        await using (var first = GatewayFactory.OnSqlite(data.Path, settings))
        {
            await first.SeedDemoAsync();
            (revoked, kept, agencyWide) = (first.PartnerToken("JP-NPA"), first.PartnerToken("JP-NPA"), first.PartnerToken("CA-RCMP"));
            using var coordinator = first.Coordinator();
            (await coordinator.PostJsonAsync("/api/tokens/revocations", new { jti = TokenRevocationTests.JtiOf(revoked) })).EnsureSuccessStatusCode();
            (await coordinator.PostJsonAsync("/api/tokens/revocations", new { agency = "CA-RCMP" })).EnsureSuccessStatusCode();
        }

        await using var second = GatewayFactory.OnSqlite(data.Path, settings);
        using var withRevoked = second.ClientWithToken(revoked);
        using var withKept = second.ClientWithToken(kept);
        using var withAgencyWide = second.ClientWithToken(agencyWide);

        var problem = await (await withRevoked.GetAsync("/api/agencies")).ProblemAsync(401);
        Assert.Equal("token revoked", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await withAgencyWide.GetAsync("/api/agencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withKept.GetAsync("/api/agencies")).StatusCode);
    }
}
