using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PolicingHub.Testing;

namespace PolicingHub.Benchmarks.Cluster;

/// <summary>
/// `s5`, per side (tuned membership, Orleans' defaults): five silo processes — one alone in region "hub" (takes REST
/// load from one caller per agency, hosts no home region, never killed), two in "ap" and two in "eu". Phase 1 kills -9
/// the "ap" silo that hosts the most "ap" agencies under load (read from /api/cluster at the kill; a phase whose victims
/// host no agency fails the run); phase 2 kills -9 both "eu" silos at once (a region lost: its agencies are re-homed
/// anywhere). Each phase reports the seconds until every agency that lived there had a command sent after the kill
/// acknowledged; at the end, user-visible failures (non-2xx or no answer) and lost commands (an agency whose readiness
/// is not its last acknowledged one).
/// </summary>
internal static class S5Scenario
{
    private static readonly string[] Regions = ["ap", "ap", "eu", "eu"]; // after the gateway silo, alone in "hub"

    public static async Task<int> RunAsync(string postgres, int agenciesPerRegion, IReadOnlyList<string> sides)
    {
        Console.WriteLine($"S5 on {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var rows = new List<string>();
        foreach (var side in sides)
        {
            rows.Add(await RunSideAsync(postgres, side == "tuned", agenciesPerRegion));
        }
        Console.WriteLine();
        Console.WriteLine("| membership | one silo killed (1 of 2 in \"ap\"): served again after (s) | region \"eu\" killed (2 silos): served again after (s) | commands acknowledged | user-visible failures | lost |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> RunSideAsync(string postgres, bool tuned, int perRegion)
    {
        var name = tuned ? "tuned" : "Orleans defaults";
        await using var cluster = await S5Cluster.StartAsync(postgres, tuned, Regions);
        var codes = new List<string>();
        using (var hub = cluster.Client())
        {
            foreach (var (region, prefix) in new[] { ("ap", "JP"), ("eu", "FR") })
            {
                for (var i = 1; i <= perRegion; i++)
                {
                    var code = $"{prefix}-S{i}";
                    using var response = await hub.PostAsJsonAsync("/api/agencies", new { code, name = code, homeRegion = region, languages = new[] { "en" } });
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"registering {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{cluster.Gateway.Output}");
                    }
                    codes.Add(code);
                }
            }
        }
        // Every agency at home before the kills (the home-region sweep moves the ones registration placed elsewhere).
        await Eventually.Until(async () => (await AtHomeAsync(cluster)).Count == codes.Count, "every agency in its home region", TimeSpan.FromSeconds(120));
        var load = ReadinessLoad.Start(cluster.Client, codes, 100_000, TimeSpan.FromMinutes(3));
        await load.Progress(100, TimeSpan.FromSeconds(60));

        var placement = await cluster.Silos.PlacementAsync(cluster.Gateway);
        var busiestAp = cluster.Silos.Silos.Where(s => s.Region == "ap").Select(s => s.Silo)
            .OrderByDescending(s => placement.Values.Count(p => p == s)).First();
        var oneSilo = await KillAsync(cluster, load, [busiestAp]);
        var wholeRegion = await KillAsync(cluster, load, [.. cluster.Silos.Silos.Where(s => s.Region == "eu").Select(s => s.Silo)]);
        await load.Progress(50, TimeSpan.FromSeconds(60));
        await load.StopAsync();

        var lost = 0;
        using (var hub = cluster.Client())
        {
            foreach (var (agency, readiness) in load.LastAcknowledged)
            {
                var view = await hub.GetFromJsonAsync<JsonElement>($"/api/agencies/{agency}");
                lost += view.GetProperty("status").GetProperty("readiness").GetString() == readiness ? 0 : 1;
            }
        }
        foreach (var failure in load.Failures.Take(5))
        {
            Console.WriteLine($"  failure: {failure}");
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Seconds(oneSilo)} | {Seconds(wholeRegion)} | {load.Acknowledged:N0} | {load.Failures.Count} | {lost} |");
    }

    /// <summary>Kills -9 <paramref name="victims"/> at once; the time until the agencies they hosted were all served again.</summary>
    private static async Task<TimeSpan?> KillAsync(S5Cluster cluster, ReadinessLoad load, IReadOnlyList<SiloProcess> victims)
    {
        var placement = await cluster.Silos.PlacementAsync(cluster.Gateway);
        var affected = placement.Where(p => victims.Contains(p.Value)).Select(p => p.Key).ToList();
        if (affected.Count == 0)
        {
            throw new InvalidOperationException($"the silo(s) to kill host no agency under load, so their failover would measure nothing; placement: {string.Join(", ", placement.Select(p => $"{p.Key}@{p.Value.SiloPort}"))}");
        }
        var at = load.Now;
        foreach (var victim in victims)
        {
            victim.Kill();
        }
        Console.WriteLine($"killed {victims.Count} silo(s) (pid {string.Join(", ", victims.Select(v => v.Pid))}) hosting {string.Join(", ", affected)}");
        await Eventually.Until(() => Task.FromResult(load.ServedAgainAfter(affected, at) is not null), "the killed silos' agencies served again",
            TimeSpan.FromSeconds(90));
        var served = load.ServedAgainAfter(affected, at);
        Console.WriteLine($"  served again after {Seconds(served)} s");
        await load.Progress(50, TimeSpan.FromSeconds(60));
        return served;
    }

    private static async Task<List<string>> AtHomeAsync(S5Cluster cluster)
    {
        using var client = cluster.Client();
        var view = await client.GetFromJsonAsync<JsonElement>("/api/cluster");
        return [.. view.GetProperty("agencies").EnumerateArray().Where(a => a.GetProperty("atHome").GetBoolean()).Select(a => a.GetProperty("agency").GetString()!)];
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "never";
}
