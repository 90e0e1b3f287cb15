using System.Security.Claims;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Security;

public sealed class ClaimsPrincipalExtensionsTests
{
    [Theory]
    [InlineData("coordinator", null, ActorRole.Coordinator)]
    [InlineData("operator", null, ActorRole.Operator)]
    [InlineData("partner", "CA-RCMP", ActorRole.Partner)]
    public void Well_formed_claims_become_an_actor(string role, string? agency, ActorRole expected)
    {
        Assert.True(Principal("someone", role, agency).TryToActor(out var actor));
        Assert.Equal(new Actor("someone", expected, agency), actor);
    }

    [Theory]
    [InlineData(null, "coordinator", null)]
    [InlineData("someone", "admin", null)]
    [InlineData("someone", "partner", null)]
    [InlineData("someone", "partner", "rcmp")]
    [InlineData("someone", "operator", "CA-RCMP")]
    public void Claims_without_a_subject_a_known_role_or_a_valid_agency_are_no_actor(string? subject, string role, string? agency)
    {
        var principal = Principal(subject, role, agency);

        Assert.False(principal.TryToActor(out _));
        Assert.Throws<InvalidOperationException>(() => principal.ToActor());
    }

    private static ClaimsPrincipal Principal(string? subject, string role, string? agency)
    {
        var claims = new List<Claim> { new("role", role) };
        if (subject is not null)
        {
            claims.Add(new Claim("sub", subject));
        }
        if (agency is not null)
        {
            claims.Add(new Claim("agency", agency));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
