using System.Globalization;
using System.Text;

namespace PolicingHub.Benchmarks;

/// <summary>
/// `-- latency`: S1 as a closed loop with per-call latency. For each side: set up (10,000 keys activated), warm up (≥ 2 s), then
/// 300,000 calls from 100 callers (3,000 each) or 30 s, whichever ends first. Prints a markdown table.
/// </summary>
public static class LatencyMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var callsPerCaller = Options.Int(args, "--calls-per-caller", 3_000);
        var warmupPerCaller = Options.Int(args, "--warmup-per-caller", 1_000);
        var limit = TimeSpan.FromSeconds(Options.Int(args, "--seconds", 30));
        var includeYielding = !args.Contains("--sync-only");

        var pairs = new List<(S1Kind Baseline, S1Kind Runtime)> { (S1Kind.Channel, S1Kind.Grains) };
        if (includeYielding)
        {
            pairs.Add((S1Kind.ChannelYielding, S1Kind.GrainsYielding));
        }

        var rounds = Options.Int(args, "--rounds", 3);
        var runs = new List<(LatencyRun Baseline, LatencyRun Runtime)>();
        foreach (var (baselineKind, runtimeKind) in pairs)
        {
            // Several rounds, baseline and runtime alternating (and swapping who goes first): the machine is shared.
            var baselines = new List<LatencyRun>();
            var runtimes = new List<LatencyRun>();
            for (var round = 0; round < rounds; round++)
            {
                if (round % 2 == 0)
                {
                    baselines.Add(await MeasureAsync(baselineKind, warmupPerCaller, callsPerCaller, limit));
                    runtimes.Add(await MeasureAsync(runtimeKind, warmupPerCaller, callsPerCaller, limit));
                }
                else
                {
                    runtimes.Add(await MeasureAsync(runtimeKind, warmupPerCaller, callsPerCaller, limit));
                    baselines.Add(await MeasureAsync(baselineKind, warmupPerCaller, callsPerCaller, limit));
                }
            }
            runs.Add((Median(baselines), Median(runtimes)));
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"S1 latency: {S1Side.Keys:N0} keys, {S1Load.Callers} callers, {callsPerCaller * S1Load.Callers:N0} calls per side after ≥ 2 s of warm-up (batches of {warmupPerCaller * S1Load.Callers:N0} calls) (limit {limit.TotalSeconds:0} s); median of {rounds} rounds by throughput");
        table.AppendLine();
        table.AppendLine("| side | calls | calls/s | p50 (µs) | p99 (µs) | p99.9 (µs) | max (µs) | CPU µs/call | allocated B/call | throughput ratio |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (baseline, runtime) in runs)
        {
            Row(table, baseline, 1.0);
            Row(table, runtime, runtime.CallsPerSecond / baseline.CallsPerSecond);
        }
        Console.WriteLine();
        Console.WriteLine(table.ToString());
        return 0;
    }

    private static async Task<LatencyRun> MeasureAsync(S1Kind kind, int warmupPerCaller, int callsPerCaller, TimeSpan limit)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        await using var side = await S1Side.CreateAsync(kind);
        // Warm up until tiered JIT has settled: batches of warm-up calls for at least 2 s (at most 20 batches).
        var warming = System.Diagnostics.Stopwatch.StartNew();
        for (var batch = 0; batch < 20 && (batch == 0 || warming.Elapsed < TimeSpan.FromSeconds(2)); batch++)
        {
            await S1Load.RunAsync(side, S1Load.Callers, amount: 1, warmupPerCaller, limit);
        }
        var run = await S1Load.MeasureAsync(side, callsPerCaller, limit);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Name}: {run.Calls:N0} calls in {run.Elapsed.TotalSeconds:0.00} s, {run.CallsPerSecond:N0} calls/s, p99 {run.PercentileMicros(0.99):0.0} µs, CPU {run.CpuMicrosPerCall:0.00} µs/call"));
        return run;
    }

    private static LatencyRun Median(List<LatencyRun> runs) => runs.OrderBy(r => r.CallsPerSecond).ElementAt(runs.Count / 2);

    private static void Row(StringBuilder table, LatencyRun run, double ratio) =>
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {run.Name} | {run.Calls:N0} | {run.CallsPerSecond:N0} | {run.PercentileMicros(0.50):0.0} | {run.PercentileMicros(0.99):0.0} | " +
            $"{run.PercentileMicros(0.999):0.0} | {run.PercentileMicros(1.0):0.0} | {run.CpuMicrosPerCall:0.00} | {run.BytesPerCall:0} | {ratio:0.00}× |");
}

internal static class Options
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string? String(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
