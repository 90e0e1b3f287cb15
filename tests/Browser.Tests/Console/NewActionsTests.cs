using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicingHub.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>
/// Actions the API always had and the page gained, end to end: the coordinator drafts an agreement with two response
/// clauses and a Korean title; JP-NPA's liaison desk, in Tokyo, fulfils its commitment and reads the due time in its own
/// zone, then in UTC.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class NewActionsTests(Chromium chromium)
{
    [Fact]
    public async Task A_draft_with_two_response_clauses_and_a_fulfilled_commitment_are_done_from_the_page_with_times_in_the_viewers_zone()
    {
        await using var silo = LiveSilo.Start();
        await silo.SeedDemoAsync();
        using var api = silo.Coordinator();
        var text = $"Share the 2027 cyber exercise plan / 2027年サイバー演習計画 {Guid.NewGuid().ToString("N")[..6]}";
        await api.PostAsync("/api/agreements/MOU-KR-JP-2026/commitments",
            new { area = "Cyberspace", text, responsibleParty = "JP-NPA", dueAt = DateTimeOffset.UtcNow.AddDays(20) }, System.Net.HttpStatusCode.Created);
        var pages = await Task.WhenAll(
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.CoordinatorToken()),
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.PartnerToken("JP-NPA"), timeZone: "Asia/Tokyo", locale: "ja-JP"));
        await using var coordinator = pages[0];
        await using var japan = pages[1];

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Agreements", Exact = true }).ClickAsync();
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Draft an agreement" }).ClickAsync();
        var page = coordinator.Page;
        await page.GetByLabel("Id (optional, e.g. MOU-KR-DE-2027)").FillAsync("MOU-KR-JP-2027-DRILL");
        await page.GetByLabel("Agreement title").FillAsync("한일 사이버 훈련 협력 MOU");
        await page.GetByLabel("Parties (agency codes, comma-separated)").FillAsync("KR-KNPA, JP-NPA");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Cyberspace", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Drugs", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a response clause" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a response clause" }).ClickAsync();
        await coordinator.SelectAsync("Clause 2 area", "Drugs");
        await coordinator.SelectAsync("Clause 2 priority", "Routine");
        await page.GetByLabel("Clause 2: acknowledge within (e.g. PT8H)").FillAsync("P1D");
        await page.GetByLabel("Clause 2: answer within (e.g. P3D)").FillAsync("P7D");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft agreement", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Drafted MOU-KR-JP-2027-DRILL." })).ToBeVisibleAsync();
        var card = page.Locator("[data-agreement='MOU-KR-JP-2027-DRILL']");
        await Expect(card).ToContainTextAsync("한일 사이버 훈련 협력 MOU");
        await Expect(card).ToContainTextAsync(
            "Response clauses: Cyberspace Urgent: acknowledge within 8 h, answer within 3 d; Drugs Routine: acknowledge within 1 d, answer within 7 d");
        await Expect(card.GetByTestId("agreement-status")).ToHaveTextAsync("Draft");

        await japan.Page.GetByRole(AriaRole.Link, new() { Name = "My agreements" }).ClickAsync();
        var row = japan.Page.Locator("tr[data-commitment]").Filter(new() { HasTextString = text });
        await Expect(row).ToContainTextAsync("Open");
        var due = row.Locator("time");
        var dueUtc = DateTimeOffset.Parse(await due.GetAttributeAsync("datetime") ?? "", CultureInfo.InvariantCulture);
        await Expect(due).ToHaveTextAsync(dueUtc.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await japan.Page.GetByRole(AriaRole.Switch, new() { Name = "UTC" }).ClickAsync();
        await Expect(due).ToHaveTextAsync(dueUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = FulfilButton() }).ClickAsync();
        await japan.Page.GetByLabel("Closing note (optional)").FillAsync("計画書を共有しました");
        await japan.Page.GetByRole(AriaRole.Button, new() { NameRegex = FulfilSubmit() }).ClickAsync();
        await Expect(row).ToContainTextAsync("Fulfilled");
        await Expect(row).ToContainTextAsync("計画書を共有しました");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        Assert.Empty(coordinator.Errors);
        Assert.Empty(japan.Errors);
    }

    [GeneratedRegex("^Fulfil commitment \\d+ of MOU-KR-JP-2026$")]
    private static partial Regex FulfilButton();

    [GeneratedRegex("^Fulfil commitment \\d+$")]
    private static partial Regex FulfilSubmit();
}
