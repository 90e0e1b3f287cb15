using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>The web console (src/Gateway/wwwroot) in one browser context: connect with a token, find streams and entries.</summary>
public sealed partial class ConsolePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    /// <summary>Opens / in a fresh context, pastes the token, clicks Connect and waits until the status says live.</summary>
    public static async Task<ConsolePage> ConnectAsync(Chromium chromium, Uri baseAddress, string token)
    {
        var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var console = new ConsolePage(context, page);
        try
        {
            await page.GotoAsync(baseAddress.ToString());
            await Expect(page.Locator("#status")).ToHaveTextAsync("offline");
            await console.ConnectAsync(token);
            return console;
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }
    }

    public async Task ConnectAsync(string token)
    {
        await page.Locator("#token").FillAsync(token);
        await page.Locator("#connect").ClickAsync();
        await ExpectLiveAsync();
    }

    public async Task ExpectLiveAsync()
    {
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await Expect(page.Locator("#status")).ToHaveClassAsync("live");
        await Expect(page.Locator("#connect")).ToBeDisabledAsync();
    }

    public async Task DisconnectAsync()
    {
        await page.Locator("#disconnect").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("offline");
        await Expect(page.Locator("#connect")).ToBeEnabledAsync();
    }

    /// <summary>The section of one stream ("task/T-…", "agreement/MOU-…"), found by its heading's exact text.</summary>
    public ILocator Stream(string stream) =>
        page.Locator("#streams > section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = stream, Exact = true }) });

    /// <summary>The entries of one event type in one stream.</summary>
    public ILocator Entries(string stream, string type) =>
        Stream(stream).Locator("li").Filter(new() { Has = page.Locator("strong", new() { HasTextRegex = new Regex($"^{Regex.Escape(type)}$") }) });

    /// <summary>The entries of one event type, in any stream.</summary>
    public ILocator EntriesOfType(string type) =>
        Streams.Locator("li").Filter(new() { Has = page.Locator("strong", new() { HasTextRegex = new Regex($"^{Regex.Escape(type)}$") }) });

    public ILocator Streams => page.Locator("#streams");

    /// <summary>The feed position an entry shows (" #12 · 21/11/2026, 10:00:00").</summary>
    public static async Task<long> PositionOfAsync(ILocator entry)
    {
        var text = await entry.Locator("small").InnerTextAsync();
        var match = PositionPattern().Match(text);
        Assert.True(match.Success, $"no position in '{text}'");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The feed positions of every entry on the page, in document order (each event has its own position).</summary>
    public async Task<IReadOnlyList<long>> ShownPositionsAsync()
    {
        var texts = await page.Locator("#streams li > small").AllInnerTextsAsync();
        return [.. texts.Select(text => long.Parse(PositionPattern().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>Saves a full-page screenshot under the test output directory (bin/…/screenshots) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex PositionPattern();
}
