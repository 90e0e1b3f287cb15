using System.Security.Claims;
using PolicingHub.Gateway.Feed;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Feed;

public sealed class ConsolePrincipalTests
{
    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void A_partner_token_reads_as_that_agencys_partner()
    {
        var actor = ConsolePrincipal.From(User(("sub", "liaison-1"), ("role", "partner"), ("agency", "JP-NPA")));

        Assert.Equal(new Actor("liaison-1", ActorRole.Partner, "JP-NPA"), actor);
    }

    [Fact]
    public void A_coordinator_token_reads_as_a_coordinator_without_an_agency()
    {
        var actor = ConsolePrincipal.From(User(("sub", "coord-1"), ("role", "coordinator")));

        Assert.Equal(new Actor("coord-1", ActorRole.Coordinator, null), actor);
    }

    [Theory]
    [InlineData("admin", "JP-NPA")]
    [InlineData("partner", "not-an-agency")]
    public void A_token_without_a_valid_actor_reads_as_nobody(string role, string agency)
    {
        Assert.Null(ConsolePrincipal.From(User(("sub", "x"), ("role", role), ("agency", agency))));
    }

    [Fact]
    public void An_anonymous_user_reads_as_nobody()
    {
        Assert.Null(ConsolePrincipal.From(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
