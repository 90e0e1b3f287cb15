using System.Net;
using PolicingHub.Console.Layout;
using PolicingHub.Console.Tests.Support;

namespace PolicingHub.Console.Tests.Session;

/// <summary>The sign-in form says in words why a token is refused, and sends nothing the hub need not see.</summary>
public sealed class SignInTests : ConsoleTestContext
{
    [Fact]
    public void An_expired_token_is_refused_with_its_expiry_in_UTC_before_asking_the_hub()
    {
        var form = Render<SignIn>();

        form.Find("#token").Input(Tokens.With("partner", "JP-NPA", new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.Zero)));
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("This token expired on 2026-01-02 03:04 UTC. Ask your hub coordinator for a new one.",
            form.Find("[data-testid=sign-in-problem]").TextContent.Trim()));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void A_token_the_hub_answers_401_for_is_called_not_accepted_by_this_hub()
    {
        Hub.Answer("GET", "/api/me", HttpStatusCode.Unauthorized, "{}");
        var form = Render<SignIn>();

        form.Find("#token").Input(Tokens.With("coordinator", null, DateTimeOffset.UtcNow.AddHours(1)));
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(
            "This hub does not accept that token: it was issued by another hub or has been altered. Ask your hub coordinator for a new one.",
            form.Find("[data-testid=sign-in-problem]").TextContent.Trim()));
        Assert.Equal([("GET", "/api/me")], Hub.Requests.Select(r => (r.Method, r.Path)));
    }

    [Theory]
    [InlineData("", "Paste your access token first.")]
    [InlineData("not-a-token", "That is not a PolicingHub access token. A token is one long line of three parts separated by dots; copy it whole.")]
    public void Empty_or_malformed_input_is_named_as_such_and_nothing_is_sent(string input, string problem)
    {
        var form = Render<SignIn>();

        form.Find("#token").Input(input);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(problem, form.Find("[data-testid=sign-in-problem]").TextContent.Trim()));
        Assert.Empty(Hub.Requests);
    }
}
