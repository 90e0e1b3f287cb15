using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using PolicingHub.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PolicingHub.Browser.Tests.Console;

/// <summary>
/// The console's first load over loopback, measured and printed (no timed assertion): from navigation to the signed-in
/// liaison desk being interactive (its first task action enabled and the feed live), with an empty cache (cold) and
/// again in a new tab of the same browser profile (warm), and the bytes that crossed the wire. What it does assert: the
/// framework's files arrive compressed (the gateway serves the precompressed static assets). Runs once each in CI;
/// POLICINGHUB_CONSOLE_LOAD_RUNS=5 repeats them for the figures in README.md and bench/README.md, and
/// POLICINGHUB_CONSOLE_LOAD_URL / POLICINGHUB_CONSOLE_LOAD_TOKEN point it at another server (a published silo).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class FirstLoadTests(Chromium chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task The_first_load_is_served_compressed_and_its_time_and_size_are_printed()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("POLICINGHUB_CONSOLE_LOAD_RUNS"), out var n) ? Math.Clamp(n, 1, 20) : 1;
        // Against another server (e.g. a published silo): its address and a JP-NPA partner token; else a silo in this process.
        var external = Environment.GetEnvironmentVariable("POLICINGHUB_CONSOLE_LOAD_URL");
        await using var silo = external is null ? LiveSilo.Start() : null;
        if (silo is not null)
        {
            await silo.SeedDemoAsync();
        }
        var baseAddress = silo?.BaseAddress ?? new Uri(external!);
        var token = silo?.PartnerToken("JP-NPA") ?? Environment.GetEnvironmentVariable("POLICINGHUB_CONSOLE_LOAD_TOKEN")
            ?? throw new InvalidOperationException("POLICINGHUB_CONSOLE_LOAD_URL needs POLICINGHUB_CONSOLE_LOAD_TOKEN (a JP-NPA partner token of that server).");
        var cold = new List<Load>();
        var warm = new List<Load>();
        for (var run = 0; run < runs; run++)
        {
            var context = await chromium.NewContextAsync();
            try
            {
                await context.AddInitScriptAsync($"sessionStorage.setItem('policinghub.token', '{token}');");
                cold.Add(await LoadAsync(context, baseAddress));
                warm.Add(await LoadAsync(context, baseAddress));
            }
            finally
            {
                await context.CloseAsync();
            }
        }

        var first = cold[0];
        var framework = first.Responses.Where(r => r.Url.Contains("/_framework/", StringComparison.Ordinal) && r.Url.EndsWith(".wasm", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(framework);
        Assert.All(framework, r => Assert.True(r.Encoding is "br" or "gzip", $"{r.Url} arrived with Content-Encoding '{r.Encoding}'"));
        output.WriteLine($"server: {(silo is null ? baseAddress.ToString() : "the silo in this test process (dotnet build output, not trimmed)")}; load average {LoadAverage()}");
        output.WriteLine($"runs: {runs} (cold = new browser profile, warm = new tab of the same profile); loopback, Chromium headless, 1280×800");
        output.WriteLine($"cold: interactive in {Summary(cold.Select(l => l.Milliseconds))} ms; {Summary(cold.Select(l => l.Bytes / 1024.0))} KiB transferred in {first.Responses.Count} responses");
        output.WriteLine($"warm: interactive in {Summary(warm.Select(l => l.Milliseconds))} ms; {Summary(warm.Select(l => l.Bytes / 1024.0))} KiB transferred in {warm[0].Responses.Count} responses");
        output.WriteLine($"encodings on the cold load: {string.Join(", ", first.Responses.GroupBy(r => r.Encoding ?? "identity").Select(g => $"{g.Key} {g.Count()} ({g.Sum(r => r.Bytes) / 1024} KiB)"))}");
        output.WriteLine($"framework .wasm: {framework.Count} files, {framework.Sum(r => r.Bytes) / 1024} KiB on the wire");
        foreach (var big in first.Responses.OrderByDescending(r => r.Bytes).Take(5))
        {
            output.WriteLine($"  {big.Bytes / 1024,6} KiB {big.Encoding ?? "identity",-8} {new Uri(big.Url).AbsolutePath}");
        }
    }

    /// <summary>
    /// One navigation in a new tab, timed until the desk is interactive; bytes are Chromium's own count of what crossed
    /// the wire (DevTools Network.loadingFinished encodedDataLength: compressed bodies plus headers; 0 for the cache).
    /// </summary>
    private static async Task<Load> LoadAsync(IBrowserContext context, Uri baseAddress)
    {
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var transfers = new Dictionary<string, Transfer>(StringComparer.Ordinal);
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            var response = e!.Value.GetProperty("response");
            var encoding = response.GetProperty("headers").EnumerateObject()
                .FirstOrDefault(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Value;
            lock (transfers)
            {
                transfers[e.Value.GetProperty("requestId").GetString()!] = new Transfer(response.GetProperty("url").GetString()!, 0,
                    encoding.ValueKind == System.Text.Json.JsonValueKind.String ? encoding.GetString() : null);
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var id = e!.Value.GetProperty("requestId").GetString()!;
            lock (transfers)
            {
                if (transfers.TryGetValue(id, out var t))
                {
                    transfers[id] = t with { Bytes = (long)e.Value.GetProperty("encodedDataLength").GetDouble() };
                }
            }
        };
        await cdp.SendAsync("Network.enable");
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(baseAddress, "desk/tasks").ToString());
        await Expect(page.Locator("tr[data-task] td.actions-cell button").First).ToBeEnabledAsync(new() { Timeout = ConsolePage.BootTimeout });
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-status", "live");
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await cdp.DetachAsync();
        await page.CloseAsync();
        lock (transfers)
        {
            var all = transfers.Values.ToList();
            return new Load(elapsed, all.Sum(t => t.Bytes), all);
        }
    }

    private static string Summary(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var median = sorted[sorted.Count / 2];
        return sorted.Count == 1
            ? median.ToString("0", CultureInfo.InvariantCulture)
            : $"median {median.ToString("0", CultureInfo.InvariantCulture)} (min {sorted[0].ToString("0", CultureInfo.InvariantCulture)}, max {sorted[^1].ToString("0", CultureInfo.InvariantCulture)})";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Transfer(string Url, long Bytes, string? Encoding);

    private sealed record Load(double Milliseconds, long Bytes, IReadOnlyList<Transfer> Responses);
}
