using Microsoft.Playwright;
using PolicingHub.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>
/// The demo day in three browsers at once against the whole silo on Kestrel, under the gateway's CSP: the coordinator
/// assigns a TLP:AMBER task to JP-NPA from the page, JP-NPA's page shows it live and acknowledges it from the page, the
/// coordinator's page shows it acknowledged, and CA-RCMP's page shows nothing of it.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DemoDayTests(Chromium chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task A_task_assigned_from_the_coordinators_page_reaches_only_JP_NPAs_page_live_and_its_acknowledgement_comes_back()
    {
        await using var silo = LiveSilo.Start();
        await silo.SeedDemoAsync();
        var pages = await Task.WhenAll(
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.CoordinatorToken()),
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.PartnerToken("JP-NPA")),
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.PartnerToken("CA-RCMP")));
        await using var coordinator = pages[0];
        await using var japan = pages[1];
        await using var canada = pages[2];
        await Expect(coordinator.Heading("Tasks")).ToBeVisibleAsync();
        await Expect(japan.Heading("My tasks")).ToBeVisibleAsync();
        var title = $"Phishing kit C2 logs / フィッシングキットのC2ログ {Guid.NewGuid().ToString("N")[..6]}";

        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Assign a task" }).ClickAsync();
        await coordinator.SelectAsync("Agreement", "MOU-KR-JP-2026");
        await coordinator.SelectAsync("Requesting agency", "KR-KNPA");
        await coordinator.SelectAsync("Assignee", "JP-NPA");
        await coordinator.SelectAsync("Area", "Cyberspace");
        await coordinator.SelectAsync("Priority", "Urgent");
        await coordinator.SelectAsync("Handling (TLP)", "Amber");
        await coordinator.Page.GetByLabel("Title").FillAsync(title);
        await coordinator.Page.GetByLabel("Description").FillAsync("Server logs for the C2 host.");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Assign task" }).ClickAsync();
        var created = coordinator.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Assigned T-" });
        await Expect(created).ToBeVisibleAsync();
        var id = (await created.InnerTextAsync()).Split(' ')[1];
        output.WriteLine($"assigned {id} from the coordinator's page");

        var row = japan.TaskRow(id);
        await Expect(row).ToContainTextAsync(title);
        await Expect(row.GetByTestId("status")).ToContainTextAsync("Assigned");
        await Expect(row).ToContainTextAsync("TLP:AMBER");
        await Expect(row.GetByTestId("changed")).ToBeVisibleAsync();
        await Expect(japan.Page.GetByText($"New task for JP-NPA: {title}")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Acknowledge {id}" }).ClickAsync();
        await japan.Page.GetByLabel("Officer handling it").FillAsync("Insp. Sato (佐藤)");
        await japan.Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("status")).ToContainTextAsync("Acknowledged");
        await Expect(row).ToContainTextAsync("Officer: Insp. Sato (佐藤)");

        await Expect(coordinator.TaskRow(id).GetByTestId("status")).ToContainTextAsync("Acknowledged");

        // Canada's page: a later task shared with it arrives (the feed is in order), and still nothing of the AMBER one.
        using var api = silo.Coordinator();
        var later = await api.AssignTaskAsync("MOU-KR-CA-2026", "KR-KNPA", "CA-RCMP", handling: "Green");
        await Expect(canada.TaskRow(later)).ToBeVisibleAsync();
        await Expect(canada.TaskRow(id)).ToHaveCountAsync(0);
        await Expect(canada.Page.Locator("body")).Not.ToContainTextAsync(title);
        await Expect(canada.Page.Locator("body")).Not.ToContainTextAsync(id);

        Assert.Empty(coordinator.Errors);
        Assert.Empty(japan.Errors);
        Assert.Empty(canada.Errors);
    }
}
