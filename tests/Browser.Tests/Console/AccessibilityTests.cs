using Microsoft.Playwright;
using PolicingHub.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>
/// Screen reader and keyboard use of each role's views on the demo day: every control has an accessible name in
/// Chromium's accessibility tree (forms opened, repeatable rows added), the liaison desk acknowledges a task with Tab and
/// Enter only, and at 1280×800 every row action is on screen without scrolling sideways. Each view is saved as a screenshot.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class AccessibilityTests(Chromium chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_control_of_each_roles_views_has_an_accessible_name_and_the_desk_acknowledges_by_keyboard()
    {
        await using var silo = LiveSilo.Start();
        await silo.SeedDemoAsync();
        using var api = silo.Coordinator();
        var id = await api.AssignTaskAsync("MOU-KR-JP-2026", "KR-KNPA", "JP-NPA", handling: "Amber");
        var pages = await Task.WhenAll(
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.PartnerToken("JP-NPA")),
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.CoordinatorToken()),
            ConsolePage.SignedInAsync(chromium, silo.BaseAddress, silo.OperatorToken()));
        await using var japan = pages[0];
        await using var coordinator = pages[1];
        await using var op = pages[2];

        // The liaison desk: Tab to the task's Acknowledge button, Enter opens the form with the officer field focused,
        // type, Enter sends (the ETA is prefilled).
        var row = japan.TaskRow(id);
        await Expect(row).ToBeVisibleAsync();
        await TabToAsync(japan.Page, $"Acknowledge {id}");
        await japan.Page.Keyboard.PressAsync("Enter");
        var officer = japan.Page.GetByLabel("Officer handling it");
        await Expect(officer).ToBeFocusedAsync();
        await AssertAllNamedAsync(japan, "partner-acknowledge");
        await japan.Page.Keyboard.TypeAsync("Insp. Sato (佐藤)");
        await japan.Page.Keyboard.PressAsync("Enter");
        await Expect(row.GetByTestId("status")).ToContainTextAsync("Acknowledged");
        await AssertAllNamedAsync(japan, "partner-tasks-after-ack");
        await OpenViewAsync(japan, "My agreements");
        await AssertAllNamedAsync(japan, "partner-agreements-a11y");

        await Expect(coordinator.TaskRow(id)).ToBeVisibleAsync();
        await AssertActionsOnScreenAsync(coordinator);
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Assign a task" }).ClickAsync();
        await AssertAllNamedAsync(coordinator, "coordinator-tasks-assign");
        await OpenViewAsync(coordinator, "Agreements");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Draft an agreement" }).ClickAsync();
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Add a response clause" }).ClickAsync();
        await AssertAllNamedAsync(coordinator, "coordinator-agreements");
        await OpenViewAsync(coordinator, "Agencies");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Register an agency" }).ClickAsync();
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Add a contact" }).ClickAsync();
        await AssertAllNamedAsync(coordinator, "coordinator-agencies");
        await OpenViewAsync(coordinator, "Overdue & escalations");
        await AssertAllNamedAsync(coordinator, "coordinator-board");
        await OpenViewAsync(coordinator, "Audit");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Verify the audit chain" }).ClickAsync();
        await Expect(coordinator.Page.GetByTestId("audit-result")).ToContainTextAsync("The chain is intact.");
        await AssertAllNamedAsync(coordinator, "coordinator-audit");

        await Expect(op.Page.Locator("tr[data-silo]")).ToHaveCountAsync(1);
        await AssertAllNamedAsync(op, "operator-cluster-a11y");

        // Narrower than the drawer's breakpoint: the views menu folds behind its button and row actions stay reachable.
        await coordinator.Page.SetViewportSizeAsync(800, 800);
        await Expect(ViewsMenu(coordinator)).ToHaveAttributeAsync("aria-expanded", "false"); // the drawer folded at its breakpoint
        await OpenViewAsync(coordinator, "Tasks");
        var cancel = coordinator.TaskRow(id).GetByRole(AriaRole.Button, new() { Name = $"Cancel {id}" });
        await cancel.ScrollIntoViewIfNeededAsync();
        await Expect(cancel).ToBeInViewportAsync();
        output.WriteLine(await coordinator.ScreenshotAsync("coordinator-tasks-800"));

        Assert.Empty(japan.Errors);
        Assert.Empty(coordinator.Errors);
        Assert.Empty(op.Errors);
    }

    /// <summary>Presses Tab until the focused element is the button named <paramref name="name"/> (at most 150 presses).</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')") == name)
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached the button '{name}'.");
    }

    private static ILocator ViewsMenu(ConsolePage console) => console.Page.GetByRole(AriaRole.Button, new() { Name = "Views menu" });

    /// <summary>
    /// Opens a view from the navigation, opening the folded menu first on a narrow screen. The menu button's
    /// aria-expanded says whether the drawer is open: a folded drawer's links are still "visible" to Playwright (they
    /// only slid off screen), so visibility cannot tell.
    /// </summary>
    private static async Task OpenViewAsync(ConsolePage console, string view)
    {
        var link = console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = view, Exact = true });
        if (await ViewsMenu(console).GetAttributeAsync("aria-expanded") != "true")
        {
            await ViewsMenu(console).ClickAsync();
        }
        await Expect(link).ToBeInViewportAsync();
        await link.ClickAsync();
        await Expect(console.Heading(view == "Audit" ? "Audit verification" : view)).ToBeVisibleAsync();
    }

    private async Task AssertAllNamedAsync(ConsolePage console, string view)
    {
        output.WriteLine(await console.ScreenshotAsync(view));
        var (controls, unnamed) = await AccessibleNames.FindUnnamedAsync(console.Page);
        output.WriteLine($"{view}: {controls} controls, {unnamed.Count} without a name");
        Assert.True(controls > 3, $"{view}: only {controls} controls found in the accessibility tree");
        Assert.True(unnamed.Count == 0, $"{view}: controls without an accessible name:\n{string.Join('\n', unnamed)}");
    }

    /// <summary>At 1280×800 every action button of the task list lies inside the window's width (nothing clipped).</summary>
    private static async Task AssertActionsOnScreenAsync(ConsolePage console)
    {
        var buttons = console.Page.Locator("tr[data-task] td.actions-cell button");
        Assert.True(await buttons.CountAsync() > 0, "no task actions on the coordinator's list");
        foreach (var button in await buttons.AllAsync())
        {
            var box = await button.BoundingBoxAsync() ?? throw new InvalidOperationException("an action button is not rendered");
            var label = await button.GetAttributeAsync("aria-label");
            Assert.True(box.X >= 0 && box.X + box.Width <= 1280, $"'{label}' spans x {box.X:0}–{box.X + box.Width:0} at 1280 px wide");
        }
    }
}
