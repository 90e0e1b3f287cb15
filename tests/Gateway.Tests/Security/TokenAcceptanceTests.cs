using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Tests.Feed;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Security;

/// <summary>Correctly signed tokens are still refused, on REST and on the hub, unless they name one role and a registered agency.</summary>
public sealed class TokenAcceptanceTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task A_partner_token_for_an_agency_never_registered_is_refused_by_REST_and_the_hub()
    {
        var token = factory.PartnerToken("FR-NEVER");

        using var rest = factory.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/api/agencies")).StatusCode);
        await AssertHubRefusesAsync(token);
    }

    [Fact]
    public async Task A_token_for_an_agency_registered_after_it_was_issued_works_once_the_agency_is_registered()
    {
        var code = "DE-L" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var partner = factory.ClientWithToken(factory.PartnerToken(code));
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync("/api/agencies")).StatusCode);

        using var coordinator = factory.Coordinator();
        var registered = await coordinator.PostJsonAsync("/api/agencies", new { code, name = "Landespolizei", homeRegion = "eu-central", languages = new[] { "de" } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var agencies = await partner.GetAsync<IdCode[]>("/api/agencies");
        Assert.Equal([code], agencies.Select(a => a.Code));
    }

    [Theory]
    [InlineData("two roles")]
    [InlineData("two agencies")]
    [InlineData("two subjects")]
    public async Task A_signed_token_naming_two_roles_agencies_or_subjects_is_refused_by_REST_and_the_hub(string variant)
    {
        await factory.SeedDemoAsync();
        var claims = new Dictionary<string, object> { ["sub"] = "desk-JP-NPA", ["role"] = "partner", ["agency"] = "JP-NPA" };
        switch (variant)
        {
            case "two roles":
                claims["role"] = new[] { "partner", "coordinator" };
                break;
            case "two agencies":
                claims["agency"] = new[] { "JP-NPA", "KR-KNPA" };
                break;
            default:
                claims["sub"] = new[] { "desk-JP-NPA", "coordinator" };
                break;
        }
        var token = Sign(claims);

        using var rest = factory.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/api/agencies")).StatusCode);
        await AssertHubRefusesAsync(token);
        // The same token with one of each is accepted: only the duplication is refused.
        using var single = factory.ClientWithToken(Sign(new Dictionary<string, object> { ["sub"] = "desk-JP-NPA", ["role"] = "partner", ["agency"] = "JP-NPA" }));
        Assert.Equal(HttpStatusCode.OK, (await single.GetAsync("/api/agencies")).StatusCode);
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var auth = factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(factory.Services.GetRequiredService<SigningKeyStore>().Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task AssertHubRefusesAsync(string token)
    {
        var client = ConsoleClient.Create(factory.Server, token);
        await using var _ = client;
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.StartAsync().Within());
        Assert.Contains("401", error.Message);
    }

    private sealed record IdCode(string Code);
}
