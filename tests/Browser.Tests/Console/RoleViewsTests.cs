using Microsoft.Playwright;
using PolicingHub.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>
/// Each role's start page on the demo day: only that role's views are offered, the operator sees no case content, and
/// each main view is saved as a screenshot (bin/…/screenshots; the README shows copies from docs/screenshots).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class RoleViewsTests(Chromium chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_role_sees_only_its_own_views_and_the_operator_sees_no_case_content()
    {
        await using var silo = LiveSilo.Start();
        await silo.SeedDemoAsync();
        await using var japan = await ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.PartnerToken("JP-NPA"));
        await using var coordinator = await ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.CoordinatorToken());
        await using var op = await ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.OperatorToken());
        var views = japan.Page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link);

        await Expect(views).ToHaveTextAsync(["My tasks", "My agreements"]);
        await Expect(japan.Page.GetByTestId("who")).ToHaveTextAsync("JP-NPA liaison desk");
        await Expect(coordinator.Page.GetByTestId("who")).ToHaveTextAsync("Hub coordinator");
        await Expect(op.Page.GetByTestId("who")).ToHaveTextAsync("Operator");
        await Expect(coordinator.Page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Tasks", "Overdue & escalations", "Agreements", "Agencies", "Audit"]);
        await Expect(op.Page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Cluster", "Orleans dashboard"]);

        await Expect(japan.Page.Locator("tr[data-task]").First).ToBeVisibleAsync();
        await Expect(coordinator.Page.Locator("tr[data-task]").First).ToBeVisibleAsync();
        await Expect(op.Page.Locator("tr[data-silo]")).ToHaveCountAsync(1);
        await Expect(op.Page.Locator("tr[data-agency='JP-NPA']")).ToContainTextAsync("National Police Agency of Japan");
        await Expect(op.Page.Locator("tr[data-agency='JP-NPA'] td").Nth(1)).ToHaveTextAsync("1"); // JP-NPA's console is online
        var titles = await coordinator.Page.Locator("tr[data-task] th > div").AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        foreach (var title in titles)
        {
            await Expect(op.Page.Locator("body")).Not.ToContainTextAsync(title);
        }

        // A page of another role, opened by address, is refused in words.
        await japan.GoAsync(silo.BaseAddress, "hub/tasks");
        await Expect(japan.Page.GetByText("This view belongs to another role.")).ToBeVisibleAsync();
        await japan.GoAsync(silo.BaseAddress, "desk/agreements");
        await Expect(japan.Page.Locator("[data-agreement='MOU-KR-JP-2026']")).ToBeVisibleAsync();

        output.WriteLine(await japan.ScreenshotAsync("partner-agreements"));
        await views.Filter(new() { HasTextString = "My tasks" }).ClickAsync(); // within the page: no reload
        await Expect(japan.Page.Locator("tr[data-task]").First).ToBeVisibleAsync();
        output.WriteLine(await japan.ScreenshotAsync("partner-tasks"));
        output.WriteLine(await coordinator.ScreenshotAsync("coordinator-tasks"));
        output.WriteLine(await op.ScreenshotAsync("operator-cluster"));
        Assert.Empty(japan.Errors);
        Assert.Empty(coordinator.Errors);
        Assert.Empty(op.Errors);
    }
}
