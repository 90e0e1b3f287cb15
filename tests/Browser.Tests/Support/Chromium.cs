using Microsoft.Playwright;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>
/// One headless Debian Chromium for the whole suite, driven by Playwright (no browser download: the executable comes
/// from POLICINGHUB_TEST_CHROMIUM, which scripts/test.sh exports because of the needs-chromium marker, else
/// /usr/bin/chromium). Without a Chromium every test fails with a message that says how to get one.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Variable = "POLICINGHUB_TEST_CHROMIUM";
    public const string DebianPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    public async Task InitializeAsync()
    {
        var executable = ResolveExecutable();
        // Auto-waiting assertions (Expect) wait up to this long: generous for a 2-core machine, still bounded.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = Arguments, Timeout = 60_000 });
    }

    /// <summary>A fresh context (own storage and cache) at 1280×800 with a fixed locale and time zone (UTC unless given), so screenshots are comparable.</summary>
    public Task<IBrowserContext> NewContextAsync(string timeZone = "UTC", string locale = "en-GB") => Browser.NewContextAsync(new()
    {
        ViewportSize = new() { Width = 1280, Height = 800 },
        Locale = locale,
        TimezoneId = timeZone,
    });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    internal static string ResolveExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable}={configured}, but no such file exists. Point it at a Chromium executable.");
        }
        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }
        throw new InvalidOperationException(
            $"No Chromium for the browser tests: {Variable} is not set and {DebianPath} does not exist. " +
            "Run scripts/test.sh (it installs Debian's chromium because of tests/Browser.Tests/needs-chromium), " +
            $"or `apt-get install chromium`, or set {Variable} to a Chromium executable. Playwright cannot download a browser here.");
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}
