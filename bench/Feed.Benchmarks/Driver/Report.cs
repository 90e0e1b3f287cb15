using System.Globalization;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>The Markdown tables of an `s3` run: latency and correctness per side and phase, then memory per connection.</summary>
internal static class Report
{
    public static void Print(S3Options options, IReadOnlyList<PhaseResult> phases, IReadOnlyList<SideSetup> setups)
    {
        Console.WriteLine();
        Console.WriteLine($"Latency from just before the command (hub: REST POST; bare: POST /broadcast) was sent to each entitled regular console's handler (\"after the answer\": from its 2xx, negative when the event came first); {options.Slow} slow coordinator consoles stalled in the \"stalled\" rows.");
        Console.WriteLine();
        Console.WriteLine("| consoles | side | slow consoles | events | deliveries | p50 (ms) | p99 (ms) | max (ms) | after the answer p50 / p99 (ms) | lost | leaked | duplicated | command p50 / p99 (ms) | slow consoles got | dropped by server | server CPU (s; µs per delivery) | load average |");
        Console.WriteLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Consoles:N0} | {(p.Side == "hub" ? "PolicingHub feed" : "bare hub (IHubContext)")} | {(p.SlowOn ? $"{options.Slow} stalled" : "none")} | {p.EventsSent}{(p.CommandsFailed > 0 ? $" ({p.CommandsFailed} failed)" : "")} | {p.Delivered:N0} / {p.Expected:N0} | {p.P50:0.0} | {p.P99:0.0} | {p.Max:0.0} | {p.AnsweredP50:0.0} / {p.AnsweredP99:0.0} | {p.Lost} | {p.Leaked} | {p.Duplicated} | {p.CommandP50:0.0} / {p.CommandP99:0.0} | {p.SlowDelivered} / {p.SlowExpected} | {p.ClosedByServer} | {p.ServerCpu.TotalSeconds:0.00}; {p.CpuMicrosecondsPerDelivery:0} | {p.Load:0.0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("| consoles | side | connected (failed) | connect time (s) | server RSS before (MiB) | with consoles (MiB) | per connection (KiB) | server CPU at rest (% of a core) |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in setups)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Consoles:N0} | {(s.Side == "hub" ? "PolicingHub silo" : "bare hub")} | {s.Connected:N0} ({s.Failed}) | {s.ConnectTime.TotalSeconds:0.0} | {s.RssBefore / 1048576.0:0} | {s.RssConnected / 1048576.0:0} | {s.KiBPerConnection:0.0} | {s.RestCpuPercent:0} |"));
        }
        Console.WriteLine();
        foreach (var group in phases.GroupBy(p => (p.Consoles, p.SlowOn)))
        {
            if (group.FirstOrDefault(p => p.Side == "hub") is { } h && group.FirstOrDefault(p => p.Side == "bare") is { } b)
            {
                var met = h.P99 <= b.P99 + 20 && h.Lost + h.Leaked + h.Duplicated == 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{group.Key.Consoles:N0} consoles{(group.Key.SlowOn ? ", slow consoles stalled" : "")}: hub p99 {h.P99:0.0} ms vs bare {b.P99:0.0} + 20 ms; lost/leaked/duplicated {h.Lost}/{h.Leaked}/{h.Duplicated}: {(met ? "met" : "NOT met")}"));
            }
        }
    }
}
