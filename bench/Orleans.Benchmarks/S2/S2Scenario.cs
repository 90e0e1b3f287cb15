using System.Diagnostics;
using System.Globalization;
using PolicingHub.Benchmarks.Common;

namespace PolicingHub.Benchmarks.S2;

/// <summary>
/// `s2`: a grain call across two silos on loopback against a raw HTTP/2 echo on the same machine, in one run: each
/// round runs both sides closed-loop with the same callers and payload (the order alternating), then prints a
/// Markdown table — calls/s, ratio to HTTP/2, latency percentiles. Goal (DESIGN §8): ≥ 0.5×, p99 ≤ 3 ms.
/// </summary>
internal static class S2Scenario
{
    public static async Task<int> RunAsync(Args args)
    {
        var seconds = args.Double("--seconds", 5);
        var rounds = args.Int("--rounds", 3);
        var callers = args.Int("--callers", 32);
        var bytes = args.Int("--payload", 256);
        var warmup = args.Double("--warmup-seconds", 2);
        args.ThrowIfUnknown();

        var machine = Machine.Describe();
        Console.WriteLine($"S2 on {machine}");
        await using var sides = await S2Sides.StartAsync(callers);
        var payload = new byte[bytes];
        Random.Shared.NextBytes(payload);
        var grain = Enumerable.Range(0, callers).Select(sides.Grain).ToArray();
        Func<byte[], Task<byte[]>>[] http = [.. Enumerable.Repeat<Func<byte[], Task<byte[]>>>(sides.Http, callers)];
        await RunAsync(grain, payload, TimeSpan.FromSeconds(warmup));
        await RunAsync(http, payload, TimeSpan.FromSeconds(warmup));

        var results = new Dictionary<string, List<(double Rate, Samples Latency, int Errors)>> { ["http2"] = [], ["grain"] = [] };
        for (var round = 0; round < rounds; round++)
        {
            foreach (var name in round % 2 == 0 ? new[] { "http2", "grain" } : ["grain", "http2"])
            {
                var run = await RunAsync(name == "grain" ? grain : http, payload, TimeSpan.FromSeconds(seconds));
                results[name].Add(run);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1} {name}: {run.Rate:N0} calls/s, p50 {run.Latency.Millis(0.5):0.000} ms, p99 {run.Latency.Millis(0.99):0.000} ms, errors {run.Errors}"));
            }
        }
        var ratios = Enumerable.Range(0, rounds).Select(r => results["grain"][r].Rate / results["http2"][r].Rate).ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S2, {callers} closed-loop callers, {bytes}-byte payload, {seconds:0.#} s per side per round, {rounds} rounds (order alternating); {machine}."));
        Console.WriteLine("| side | calls/s (median round) | ratio to HTTP/2 (median; each round) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, runs) in results)
        {
            var latency = Samples.Pool(runs.Select(r => r.Latency));
            var ratio = name == "grain"
                ? $"**{Median(ratios):0.00}×** ({string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"
                : "1.00×";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(name == "grain" ? "grain call, silo A → silo B" : "HTTP/2 echo (h2c)")} | {Median(runs.Select(r => r.Rate).ToList()):N0} | {ratio} | {latency.Millis(0.5):0.000} | {latency.Millis(0.99):0.000} | {latency.Millis(0.999):0.000} | {latency.Millis(1):0.000} | {runs.Sum(r => r.Errors)} |"));
        }
        return 0;
    }

    private static async Task<(double Rate, Samples Latency, int Errors)> RunAsync(Func<byte[], Task<byte[]>>[] callers, byte[] payload, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var buffers = callers.Select(_ => new SampleBuffer(4096)).ToArray();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(callers.Select((call, i) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var answer = await call(payload);
                    if (answer.Length != payload.Length)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
                buffers[i].Add(Stopwatch.GetTimestamp() - started);
            }
        })));
        var latency = new Samples(SampleBuffer.Concat(buffers));
        return (latency.Count / clock.Elapsed.TotalSeconds, latency, errors);
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
