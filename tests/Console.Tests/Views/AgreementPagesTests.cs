using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Console.Pages.Coordinator;
using PolicingHub.Console.Pages.Partner;
using PolicingHub.Console.Session;
using PolicingHub.Console.Tests.Support;
using PolicingHub.Contracts.Agreements;

namespace PolicingHub.Console.Tests.Views;

/// <summary>The agreement lifecycle and commitment actions each role gets on its agreements page, sent as the API takes them.</summary>
public sealed class AgreementPagesTests : ConsoleTestContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string AgreementsJson(string status) => JsonSerializer.Serialize(new[]
    {
        new AgreementDetails("MOU-KR-JP-2026", "MOU on police cooperation", ["KR-KNPA", "JP-NPA"], ["Cyberspace"],
            [new ResponseClauseView("Cyberspace", "Urgent", TimeSpan.FromHours(8), TimeSpan.FromDays(3))], status, new DateOnly(2026, 11, 20), [],
            null,
            [
                new CommitmentView(1, "Cyberspace", "Quarterly exchange", "KR-KNPA", DateTimeOffset.UtcNow.AddDays(9), "Open", null, []),
                new CommitmentView(2, "Cyberspace", "A 24/7 contact point", "JP-NPA", DateTimeOffset.UtcNow.AddDays(9), "Open", null, []),
            ],
            new ScorecardView(null, 0, null, [])),
    }, Json);

    [Fact]
    public void An_active_agreement_offers_suspend_terminate_and_expire_and_expiring_needs_no_reason()
    {
        Hub.Answer("GET", "/api/agreements", HttpStatusCode.OK, AgreementsJson("Active"));
        Hub.Answer("POST", "/api/agreements/MOU-KR-JP-2026/expire", HttpStatusCode.OK, "{}");
        var page = Render<Agreements>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Suspend MOU-KR-JP-2026", "Terminate MOU-KR-JP-2026", "Expire MOU-KR-JP-2026", "Add a commitment to MOU-KR-JP-2026"],
            page.FindAll("[data-agreement] .agreement-actions button").Select(b => b.GetAttribute("aria-label"))));
        page.Find("button[aria-label='Expire MOU-KR-JP-2026']").Click();
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Hub.Requests, r => r.Method == "POST"));
        var post = Hub.Requests.Single(r => r.Method == "POST");
        Assert.Equal(("/api/agreements/MOU-KR-JP-2026/expire", "{\"reason\":null}"), (post.Path, post.Body));
    }

    [Fact]
    public void A_signed_agreement_can_be_activated_or_terminated_and_a_draft_only_signed()
    {
        Hub.Answer("GET", "/api/agreements", HttpStatusCode.OK, AgreementsJson("Signed"));
        var page = Render<Agreements>();

        page.WaitForAssertion(() => Assert.Equal(["Activate MOU-KR-JP-2026", "Terminate MOU-KR-JP-2026", "Add a commitment to MOU-KR-JP-2026"],
            page.FindAll("[data-agreement] .agreement-actions button").Select(b => b.GetAttribute("aria-label"))));
    }

    [Fact]
    public async Task The_liaison_desk_fulfils_only_its_own_commitments_with_an_optional_note()
    {
        Hub.Answer("GET", "/api/me", HttpStatusCode.OK, Tokens.MeJson("partner", "JP-NPA"));
        Hub.Answer("GET", "/api/agreements", HttpStatusCode.OK, AgreementsJson("Active"));
        Hub.Answer("POST", "/api/agreements/MOU-KR-JP-2026/commitments/2/fulfil", HttpStatusCode.OK, "{}");
        Assert.True((await Services.GetRequiredService<ConsoleSession>().SignInAsync(Tokens.With("partner", "JP-NPA", DateTimeOffset.UtcNow.AddHours(1)))).Succeeded);
        var page = Render<MyAgreements>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Report progress on commitment 2 of MOU-KR-JP-2026", "Fulfil commitment 2 of MOU-KR-JP-2026"],
            page.FindAll("tr[data-commitment] button").Select(b => b.GetAttribute("aria-label"))));
        page.Find("button[aria-label='Fulfil commitment 2 of MOU-KR-JP-2026']").Click();
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Commitment 2 of MOU-KR-JP-2026 fulfilled.", page.Find("[role=status]").TextContent));
        var post = Hub.Requests.Single(r => r.Method == "POST");
        Assert.Equal(("/api/agreements/MOU-KR-JP-2026/commitments/2/fulfil", "{\"note\":null}"), (post.Path, post.Body));
    }
}
