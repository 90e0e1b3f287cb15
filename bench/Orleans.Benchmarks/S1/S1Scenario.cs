using System.Globalization;
using System.Text;
using PolicingHub.Benchmarks.Common;

namespace PolicingHub.Benchmarks.S1;

/// <summary>
/// `s1`: in-silo grain calls on Orleans against the Channel-per-actor baseline, in one process run. Each side gets its
/// 10,000 keys activated and a warm-up; then every round runs each side closed-loop (the peak) and then open-loop at a
/// fraction of that side's own peak, rotating which side goes first. Prints two Markdown tables.
/// </summary>
internal static class S1Scenario
{
    private const double GoalRatio = 0.5;
    private const double GoalP999Millis = 5.0;

    public static async Task<int> RunAsync(Args args)
    {
        var seconds = args.Double("--seconds", 5);
        var pacedSeconds = args.Double("--paced-seconds", seconds);
        var rounds = args.Int("--rounds", 3);
        var warmup = args.Double("--warmup-seconds", 2);
        var loads = args.String("--load", "0.5").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToList();
        var yieldEvery = args.Int("--yield-every", 1);
        var sideNames = args.String("--sides", "channel,default,tuned").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        args.ThrowIfUnknown();
        if (sideNames.Length == 0 || sideNames[0] != "channel")
        {
            throw new ArgumentException("--sides must start with 'channel' (the baseline); then any of default, tuned, tuned-grain, tuned-silo, tuned-no-yield.");
        }

        var machine = Machine.Describe();
        Console.WriteLine($"S1 on {machine}");
        await using var resources = new Resources(yieldEvery);
        var sides = new List<S1Side>();
        foreach (var name in sideNames)
        {
            sides.Add(await resources.CreateAsync(name));
        }
        foreach (var side in sides)
        {
            await S1Load.TouchAllAsync(side);
            var warm = await S1Load.ClosedAsync(side, TimeSpan.FromSeconds(warmup));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {side.Name}: {warm.CallsPerSecond:N0} calls/s"));
        }

        var closed = sides.ToDictionary(s => s, _ => new List<LoadRun>());
        var paced = sides.ToDictionary(s => s, _ => loads.ToDictionary(l => l, _ => new List<LoadRun>()));
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < sides.Count; i++)
            {
                var side = sides[(i + round) % sides.Count];
                Stats.Settle();
                var peak = await S1Load.ClosedAsync(side, TimeSpan.FromSeconds(seconds));
                closed[side].Add(peak);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1} {side.Name}: peak {peak.CallsPerSecond:N0} calls/s (p99.9 {peak.Latency.Micros(0.999):0} µs, max {peak.Latency.Millis(1):0.0} ms, callers' calls {peak.CallerSpread.Fewest:N0} fewest / {peak.CallerSpread.Median:N0} median, CPU {peak.CpuMicrosPerCall:0.00} µs/call, errors {peak.Errors})"));
                foreach (var load in loads)
                {
                    Stats.Settle();
                    var run = await S1Load.PacedAsync(side, load * peak.CallsPerSecond, TimeSpan.FromSeconds(pacedSeconds));
                    paced[side][load].Add(run);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  paced at {load:0%}, {run.TargetRate:N0}/s: p99 {run.Latency.Millis(0.99):0.00} ms, p99.9 {run.Latency.Millis(0.999):0.00} ms, max {run.Latency.Millis(1):0.00} ms, " +
                        $"send lag p99 {run.SendLag!.Millis(0.99):0.00} ms, errors {run.Errors}"));
                }
            }
        }

        var baseline = sides[0];
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"S1, {S1Side.Keys:N0} keys, {S1Load.Callers} closed-loop callers, {seconds:0.#} s per side per round, {rounds} rounds (sides rotating), after a {warmup:0.#} s warm-up; {machine}.");
        report.AppendLine("Peak: calls/s is the median round; the ratio is taken within each round against the baseline (median, then each round); latencies pool all rounds.");
        report.AppendLine();
        report.AppendLine("| side | calls/s | ratio to baseline | p50 (µs) | p99 (µs) | p99.9 (µs) | max (µs) | calls by the slowest / median caller | CPU µs/call | B/call | GC pause | errors |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides)
        {
            var runs = closed[side];
            var ratios = Enumerable.Range(0, rounds).Select(r => runs[r].CallsPerSecond / closed[baseline][r].CallsPerSecond).ToList();
            var pooled = Samples.Pool(runs.Select(r => r.Latency));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {side.Name} | {Stats.Median(runs.Select(r => r.CallsPerSecond)):N0} | **{Stats.Median(ratios):0.00}×** ({string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}) | " +
                $"{pooled.Micros(0.5):0.0} | {pooled.Micros(0.99):0.0} | {pooled.Micros(0.999):0.0} | {pooled.Micros(1):0} | " +
                $"{runs.Min(r => r.CallerSpread.Fewest):N0} / {Stats.Median(runs.Select(r => (double)r.CallerSpread.Median)):N0} | " +
                $"{Stats.Median(runs.Select(r => r.CpuMicrosPerCall)):0.00} | {Stats.Median(runs.Select(r => r.BytesPerCall)):0} | {Stats.Median(runs.Select(r => r.GcPausePercent)):0.0}% | {runs.Sum(r => r.Errors)} |");
        }
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Open loop at a fraction of each side's own peak in the same round ({pacedSeconds:0.#} s per run; calls due every ~1 ms handed to the thread pool in chunks of 16; latency from each call's due time; send lag = due time to the call being made); latencies pool all rounds:");
        report.AppendLine();
        report.AppendLine("| side | load | rate (calls/s, median) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | send lag p99 (ms) | CPU µs/call | errors |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides)
        {
            foreach (var load in loads)
            {
                var runs = paced[side][load];
                var pooled = Samples.Pool(runs.Select(r => r.Latency));
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {side.Name} | {load:0%} | {Stats.Median(runs.Select(r => r.TargetRate)):N0} | {pooled.Millis(0.5):0.000} | {pooled.Millis(0.99):0.000} | {pooled.Millis(0.999):0.000} | {pooled.Millis(1):0.000} | " +
                    $"{Samples.Pool(runs.Select(r => r.SendLag!)).Millis(0.99):0.000} | {Stats.Median(runs.Select(r => r.CpuMicrosPerCall)):0.00} | {runs.Sum(r => r.Errors)} |");
            }
        }
        report.AppendLine();
        foreach (var side in sides.Skip(1))
        {
            var ratio = Stats.Median(Enumerable.Range(0, rounds).Select(r => closed[side][r].CallsPerSecond / closed[baseline][r].CallsPerSecond));
            var half = loads.Contains(0.5) ? 0.5 : loads[0];
            var p999 = Samples.Pool(paced[side][half].Select(r => r.Latency)).Millis(0.999);
            var met = ratio >= GoalRatio && p999 <= GoalP999Millis;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{side.Name}: S1 goal (≥ {GoalRatio:0.0}× the baseline, p99.9 ≤ {GoalP999Millis:0} ms at half of peak) **{(met ? "met" : "not met")}**: {ratio:0.00}×, p99.9 {p999:0.00} ms at {half:0%} of peak.");
        }
        Console.WriteLine();
        Console.WriteLine(report.ToString());
        var errors = closed.Values.SelectMany(r => r).Concat(paced.Values.SelectMany(p => p.Values).SelectMany(r => r)).Sum(r => r.Errors);
        return errors == 0 ? 0 : 1;
    }

    /// <summary>The silos and the baseline actors a run needs, started once and kept for every round.</summary>
    private sealed class Resources(int yieldEvery) : IAsyncDisposable
    {
        private BenchSilo? _defaultSilo;
        private BenchSilo? _tunedSilo;
        private ChannelSide? _channel;

        public async Task<S1Side> CreateAsync(string name) => name switch
        {
            "channel" => _channel ??= new ChannelSide(),
            "default" => new DefaultGrainSide("Orleans, default", (await DefaultSilo()).Grains),
            "tuned" => new TunedGrainSide($"Orleans, tuned (yield every {yieldEvery})", (await TunedSilo()).Grains, yieldEvery),
            "tuned-grain" => new TunedGrainSide("Orleans, tuned grain only", (await DefaultSilo()).Grains, yieldEvery: 0),
            "tuned-no-yield" => new TunedGrainSide("Orleans, tuned but callers not yielding", (await TunedSilo()).Grains, yieldEvery: 0),
            "tuned-silo" => new DefaultGrainSide("Orleans, tuned options only", (await TunedSilo()).Grains),
            _ => throw new ArgumentException($"Unknown side '{name}': channel, default, tuned, tuned-grain, tuned-silo or tuned-no-yield."),
        };

        public async ValueTask DisposeAsync()
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            if (_defaultSilo is not null)
            {
                await _defaultSilo.DisposeAsync();
            }
            if (_tunedSilo is not null)
            {
                await _tunedSilo.DisposeAsync();
            }
        }

        private async Task<BenchSilo> DefaultSilo() => _defaultSilo ??= await BenchSilo.StartAsync("default", tunedOptions: false);

        private async Task<BenchSilo> TunedSilo() => _tunedSilo ??= await BenchSilo.StartAsync("tuned", tunedOptions: true);
    }
}
