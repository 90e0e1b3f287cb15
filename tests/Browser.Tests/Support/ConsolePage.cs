using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>
/// The web console (src/Console, Blazor WebAssembly) in one browser context: sign in with a token, find rows by task id,
/// fill forms by their labels. Every browser console error is kept, so a test can assert none happened (CSP included).
/// </summary>
public sealed class ConsolePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    /// <summary>How long a page may take to boot the console (bounded; generous for a shared 2-core machine).</summary>
    public const float BootTimeout = 120_000;

    public IPage Page => page;

    /// <summary>Errors the page logged (console.error, CSP violations, uncaught exceptions).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Opens / in a fresh context and waits for the sign-in form.</summary>
    public static async Task<ConsolePage> OpenAsync(Chromium chromium, Uri baseAddress, string timeZone = "UTC", string locale = "en-GB")
    {
        var context = await chromium.NewContextAsync(timeZone, locale);
        var page = await context.NewPageAsync();
        var console = new ConsolePage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                console._errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => console._errors.Add(error);
        try
        {
            await page.GotoAsync(baseAddress.ToString());
            // The first load downloads and starts the WebAssembly runtime: seconds on an idle machine, far more on a busy one.
            await Expect(page.GetByLabel("Access token")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
            return console;
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the console, signs in and waits until the live feed is connected.</summary>
    public static async Task<ConsolePage> SignedInAsync(Chromium chromium, Uri baseAddress, string token, string timeZone = "UTC", string locale = "en-GB")
    {
        var console = await OpenAsync(chromium, baseAddress, timeZone, locale);
        await console.SignInAsync(token);
        await console.ExpectLiveAsync();
        return console;
    }

    public async Task SignInAsync(string token)
    {
        await page.GetByLabel("Access token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public ILocator Connection => page.GetByTestId("connection");

    public Task ExpectLiveAsync() => Expect(Connection).ToHaveAttributeAsync("data-status", "live");

    public ILocator SignInProblem => page.GetByTestId("sign-in-problem");

    /// <summary>The table row of one task.</summary>
    public ILocator TaskRow(string id) => page.Locator($"tr[data-task='{id}']");

    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    /// <summary>Opens a path by address (a full reload: the app boots again and restores the session from this tab's storage).</summary>
    public async Task GoAsync(Uri baseAddress, string path)
    {
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = BootTimeout });
    }

    /// <summary>Chooses an option of a labelled native select.</summary>
    public async Task SelectAsync(string label, string value) => await page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(value);

    /// <summary>Saves a screenshot of the viewport under the test output (bin/…/screenshots/NAME.png) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = false });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
