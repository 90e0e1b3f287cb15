using PolicingHub.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>Sign-in in the browser: a token the hub rejects and an expired one are explained in words, and nothing else appears.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SignInTests(Chromium chromium)
{
    [Fact]
    public async Task A_token_with_a_broken_signature_is_refused_in_words_and_no_view_appears()
    {
        await using var silo = LiveSilo.Start();
        var token = silo.PartnerToken("JP-NPA");
        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await using var page = await ConsolePage.OpenAsync(chromium, silo.BaseAddress);

        await page.SignInAsync(tampered);

        await Expect(page.SignInProblem).ToHaveTextAsync(
            "This hub does not accept that token: it was issued by another hub or has been altered. Ask your hub coordinator for a new one.");
        await Expect(page.Connection).ToHaveCountAsync(0);
        await Expect(page.Page.GetByText("My tasks")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_the_time_it_expired_and_text_that_is_not_a_token_is_named_as_such()
    {
        await using var silo = LiveSilo.Start();
        await using var page = await ConsolePage.OpenAsync(chromium, silo.BaseAddress);
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expired = $"{Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{Part("{\"sub\":\"desk\",\"role\":\"partner\",\"agency\":\"JP-NPA\",\"exp\":1767225600}")}.c2ln";

        await page.SignInAsync(expired);
        await Expect(page.SignInProblem).ToHaveTextAsync("This token expired on 2026-01-01 00:00 UTC. Ask your hub coordinator for a new one.");

        await page.SignInAsync("hello");
        await Expect(page.SignInProblem).ToContainTextAsync("That is not a PolicingHub access token.");
        await Expect(page.Connection).ToHaveCountAsync(0);
    }
}
