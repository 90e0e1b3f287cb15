using PolicingHub.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>
/// The web console in Chromium against the whole silo on Kestrel: what each partner's page shows is decided by the server
/// (DESIGN.md §6) and arrives live over SignalR, in position order, once. Waits are Playwright's auto-waiting assertions.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class LiveConsoleTests(Chromium chromium, ITestOutputHelper output)
{
    private const string KoreaJapan = "MOU-KR-JP-2026";
    private const string KoreaCanada = "MOU-KR-CA-2026";

    [Fact]
    public async Task A_partner_console_in_the_browser_shows_a_task_assigned_to_its_agency_live_and_another_partner_does_not()
    {
        await using var silo = LiveSilo.Start();
        using var hub = silo.Coordinator();
        await hub.RegisterAgencyAsync("KR-KNPA", "Korean National Police Agency");
        await hub.RegisterAgencyAsync("JP-NPA", "National Police Agency of Japan");
        await hub.RegisterAgencyAsync("CA-RCMP", "Royal Canadian Mounted Police");
        await hub.ActiveAgreementAsync(KoreaJapan, "KR-KNPA", "JP-NPA");
        await hub.ActiveAgreementAsync(KoreaCanada, "KR-KNPA", "CA-RCMP");

        await using var japan = await ConsolePage.ConnectAsync(chromium, silo.BaseAddress, silo.PartnerToken("JP-NPA"));
        await using var canada = await ConsolePage.ConnectAsync(chromium, silo.BaseAddress, silo.PartnerToken("CA-RCMP"));
        // Each page replayed the history of its own agreement on subscribing.
        await Expect(japan.Entries($"agreement/{KoreaJapan}", "agreement.drafted")).ToHaveCountAsync(1);
        await Expect(canada.Entries($"agreement/{KoreaCanada}", "agreement.drafted")).ToHaveCountAsync(1);

        var task = await hub.AssignTaskAsync(KoreaJapan, "KR-KNPA", "JP-NPA", handling: "Amber");

        var assigned = japan.Entries($"task/{task}", "task.assigned");
        await Expect(assigned).ToHaveCountAsync(1);
        await Expect(assigned).ToContainTextAsync("\"assignee\":\"JP-NPA\"");
        // A later event of Canada's own agreement: the feed delivers in position order, so once this is on the Canadian
        // page, the (earlier) task assignment would already be there had the server let it through.
        await hub.AddCommitmentAsync(KoreaCanada, "CA-RCMP", "Share precursor seizure data");
        var commitment = canada.Entries($"agreement/{KoreaCanada}", "commitment.added");
        await Expect(commitment).ToHaveCountAsync(1);
        Assert.True(await ConsolePage.PositionOfAsync(commitment) > await ConsolePage.PositionOfAsync(assigned),
            "the commitment must come after the task assignment in the feed");

        // Each command above appended a command.accepted record (its audit trail) on the stream it changed; events arrive
        // in position order, so those of the registrations and of each page's own MOU are behind what the page shows: none is shown.
        await Expect(japan.EntriesOfType("command.accepted")).ToHaveCountAsync(0);
        await Expect(canada.EntriesOfType("command.accepted")).ToHaveCountAsync(0);
        await Expect(canada.Page.Locator("body")).Not.ToContainTextAsync(task);
        await Expect(canada.Streams.Locator("section h2", new() { HasTextString = "task/" })).ToHaveCountAsync(0);
        await Expect(canada.Stream($"agreement/{KoreaJapan}")).ToHaveCountAsync(0);
        await Expect(japan.Stream($"agreement/{KoreaCanada}")).ToHaveCountAsync(0);

        // Stream lists scroll (max-height): bring the asserted entries into view for the screenshots.
        await assigned.ScrollIntoViewIfNeededAsync();
        await commitment.ScrollIntoViewIfNeededAsync();
        output.WriteLine($"screenshots: {await japan.ScreenshotAsync("jp-npa-console")}, {await canada.ScreenshotAsync("ca-rcmp-console")}");
    }

    [Fact]
    public async Task A_console_that_disconnects_and_connects_again_shows_what_it_missed_once_and_nothing_twice()
    {
        await using var silo = LiveSilo.Start();
        using var hub = silo.Coordinator();
        await hub.RegisterAgencyAsync("KR-KNPA", "Korean National Police Agency");
        await hub.RegisterAgencyAsync("JP-NPA", "National Police Agency of Japan");
        await hub.ActiveAgreementAsync(KoreaJapan, "KR-KNPA", "JP-NPA");
        var token = silo.PartnerToken("JP-NPA");
        await using var japan = await ConsolePage.ConnectAsync(chromium, silo.BaseAddress, token);
        var first = await hub.AssignTaskAsync(KoreaJapan, "KR-KNPA", "JP-NPA", handling: "Amber");
        await Expect(japan.Entries($"task/{first}", "task.assigned")).ToHaveCountAsync(1);

        await japan.DisconnectAsync();
        var missed = await hub.AssignTaskAsync(KoreaJapan, "KR-KNPA", "JP-NPA", handling: "Green");
        await Expect(japan.Page.Locator("body")).Not.ToContainTextAsync(missed);
        await japan.ConnectAsync(token);

        // Events come in position order, so once the missed assignment is shown everything before it has been replayed.
        var missedEntry = japan.Entries($"task/{missed}", "task.assigned");
        await Expect(missedEntry).ToHaveCountAsync(1);
        await Expect(japan.Entries($"task/{first}", "task.assigned")).ToHaveCountAsync(1);
        await Expect(japan.Entries($"agreement/{KoreaJapan}", "agreement.drafted")).ToHaveCountAsync(1);
        var shown = await japan.ShownPositionsAsync();
        output.WriteLine($"positions shown after reconnecting: {string.Join(", ", shown)}");
        Assert.Equal(shown.Distinct().Count(), shown.Count);
        Assert.True(long.Parse(await japan.Page.Locator("#position").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture)
            >= await ConsolePage.PositionOfAsync(missedEntry));
    }
}
