using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicingHub.Benchmarks.Common;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.Benchmarks.S4;

/// <summary>
/// `s4`: event appends on SQLite (default) or PostgreSQL (<c>--store postgres</c>). <c>--appenders</c> concurrent appenders over <c>--streams</c> streams (each appender owns
/// its own streams, so no append loses the compare-and-swap), one event per append at the stream's expected sequence,
/// closed loop. The hub's log (group commit) against one INSERT per transaction through the driver; each side on its own
/// file (or database), rounds alternating which side goes first. Every acknowledged append is checked in the store.
/// </summary>
internal static class S4Scenario
{
    private const double GoalRatio = 3.0;

    public static async Task<int> RunAsync(Args args)
    {
        var seconds = args.Double("--seconds", 5);
        var rounds = args.Int("--rounds", 3);
        var streams = args.Int("--streams", 1000);
        var appenders = args.Int("--appenders", 50);
        var warmup = args.Double("--warmup-seconds", 1);
        var store = args.String("--store", "sqlite").ToLowerInvariant();
        var synchronous = args.String("--sync", "full").ToLowerInvariant() switch
        {
            "full" => SqliteSynchronousMode.Full,
            "normal" => SqliteSynchronousMode.Normal,
            var other => throw new ArgumentException($"--sync {other}: full or normal."),
        };
        var server = args.String("--connection", Environment.GetEnvironmentVariable(PostgresStore.ServerVariable) ?? "");
        args.ThrowIfUnknown();

        var machine = Machine.Describe();
        var names = Enumerable.Range(0, streams).Select(s => $"bench/{s:D5}").ToArray();
        var sides = new List<Tracked>();
        S4Store target = store switch
        {
            "sqlite" => new SqliteStore(synchronous),
            "postgres" => new PostgresStore(server),
            _ => throw new ArgumentException($"--store {store}: sqlite or postgres."),
        };
        Console.WriteLine($"S4 on {machine}; {target.Where}");
        try
        {
            foreach (var side in await target.StartSidesAsync())
            {
                sides.Add(new Tracked(side, streams));
            }
            foreach (var side in sides)
            {
                var warm = await RunAsync(side, names, appenders, TimeSpan.FromSeconds(warmup));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {side.Side.Name}: {warm.AppendsPerSecond:N0} appends/s"));
            }
            var runs = sides.ToDictionary(s => s, _ => new List<AppendRun>());
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < sides.Count; i++)
                {
                    var side = sides[(i + round) % sides.Count];
                    Stats.Settle();
                    var run = await RunAsync(side, names, appenders, TimeSpan.FromSeconds(seconds));
                    runs[side].Add(run);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round + 1} {side.Side.Name}: {run.AppendsPerSecond:N0} appends/s, {run.CommitsPerSecond:N0} commits/s, " +
                        $"p50 {run.Latency.Millis(0.5):0.00} ms, p99 {run.Latency.Millis(0.99):0.00} ms, conflicts {run.Conflicts}, errors {run.Errors}"));
                }
            }
            foreach (var side in sides)
            {
                await side.Side.DisposeAsync();
            }
            var checks = new List<Check>();
            foreach (var side in sides)
            {
                checks.Add(await VerifyAsync(side));
            }

            var baseline = sides[0];
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"S4 on {await target.DescribeAsync()}, {streams:N0} streams × {appenders} concurrent appenders, one event per append, " +
                $"{seconds:0.#} s per side per round, {rounds} rounds (alternating), after a {warmup:0.#} s warm-up; {machine}.");
            report.AppendLine("appends/s is the median round; the ratio is taken within each round (median, then each round); latencies pool all rounds.");
            report.AppendLine();
            report.AppendLine("| side | appends/s | ratio to baseline | commits/s | appends per commit (mean) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | CPU µs/append | conflicts + errors |");
            report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var side in sides)
            {
                var list = runs[side];
                var ratios = Enumerable.Range(0, rounds).Select(r => list[r].AppendsPerSecond / runs[baseline][r].AppendsPerSecond).ToList();
                var pooled = Samples.Pool(list.Select(r => r.Latency));
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {side.Side.Name} | {Stats.Median(list.Select(r => r.AppendsPerSecond)):N0} | **{Stats.Median(ratios):0.00}×** ({string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}) | " +
                    $"{Stats.Median(list.Select(r => r.CommitsPerSecond)):N0} | {(double)list.Sum(r => r.Appends) / Math.Max(1, list.Sum(r => r.Commits)):0.0} | " +
                    $"{pooled.Millis(0.5):0.00} | {pooled.Millis(0.99):0.00} | {pooled.Millis(0.999):0.00} | {pooled.Millis(1):0.00} | " +
                    $"{Stats.Median(list.Select(r => r.CpuMicrosPerAppend)):0} | {list.Sum(r => r.Conflicts + r.Errors)} |");
            }
            report.AppendLine();
            var hub = sides[1];
            var ratio = Stats.Median(Enumerable.Range(0, rounds).Select(r => runs[hub][r].AppendsPerSecond / runs[baseline][r].AppendsPerSecond));
            report.AppendLine(CultureInfo.InvariantCulture, $"S4 goal (≥ {GoalRatio:0}× the driver) **{(ratio >= GoalRatio ? "met" : "not met")}**: {ratio:0.00}×.");
            foreach (var check in checks)
            {
                report.AppendLine(check.Message);
            }
            Console.WriteLine();
            Console.WriteLine(report.ToString());
            var failed = checks.Any(c => !c.Ok) || runs.Values.SelectMany(r => r).Any(r => r.Errors + r.Conflicts > 0);
            return failed ? 1 : 0;
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    /// <summary>A side and what it has acknowledged: each stream's last sequence, and the total.</summary>
    private sealed class Tracked(S4Side side, int streams)
    {
        public S4Side Side { get; } = side;

        public long[] Heads { get; } = new long[streams];

        public long Acknowledged;
    }

    private sealed record AppendRun(Samples Latency, TimeSpan Elapsed, long Commits, ProcessCost Cost, int Conflicts, int Errors)
    {
        public long Appends => Latency.Count - Conflicts - Errors;

        public double AppendsPerSecond => Appends / Elapsed.TotalSeconds;

        public double CommitsPerSecond => Commits / Elapsed.TotalSeconds;

        public double CpuMicrosPerAppend => Cost.Cpu.TotalMicroseconds / Math.Max(1, Appends);
    }

    private static async Task<AppendRun> RunAsync(Tracked tracked, string[] names, int appenders, TimeSpan duration)
    {
        var side = tracked.Side;
        var commitsBefore = side.Commits;
        var before = ProcessCost.Now();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, appenders).Select(a => Task.Run(async () =>
        {
            var owned = Enumerable.Range(0, names.Length).Where(s => s % appenders == a).ToArray();
            var samples = new SampleBuffer(16 * 1024);
            int conflicts = 0, errors = 0;
            for (var i = 0; owned.Length > 0; i++)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= deadline)
                {
                    break;
                }
                var stream = owned[i % owned.Length];
                try
                {
                    if (await side.AppendAsync(names[stream], tracked.Heads[stream]).ConfigureAwait(false))
                    {
                        tracked.Heads[stream]++;
                        Interlocked.Increment(ref tracked.Acknowledged);
                    }
                    else
                    {
                        conflicts++;
                    }
                }
                catch (Exception exception)
                {
                    if (errors++ == 0)
                    {
                        Console.Error.WriteLine($"{side.Name}: {exception.GetType().Name}: {exception.Message}");
                    }
                }
                samples.Add(Stopwatch.GetTimestamp() - start);
            }
            return (samples, conflicts, errors);
        })).ToList();
        var done = await Task.WhenAll(workers).WaitAsync(duration + TimeSpan.FromSeconds(60));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cost = ProcessCost.Now() - before;
        return new AppendRun(new Samples(SampleBuffer.Concat(done.Select(d => d.samples))), elapsed, side.Commits - commitsBefore, cost,
            done.Sum(d => d.conflicts), done.Sum(d => d.errors));
    }

    private sealed record Check(bool Ok, string Message);

    /// <summary>The store holds exactly the acknowledged appends, and every stream ends at the sequence its appender last got.</summary>
    private static async Task<Check> VerifyAsync(Tracked tracked)
    {
        long rows = 0;
        var mismatched = 0;
        var heads = tracked.Heads;
        var seen = 0;
        foreach (var stored in await tracked.Side.ReadStoredAsync())
        {
            var stream = int.Parse(stored.Stream.AsSpan("bench/".Length), CultureInfo.InvariantCulture);
            rows += stored.Count;
            seen++;
            if (stored.MaxSequence != heads[stream] || stored.Count != heads[stream] || stored.MinSequence != 1)
            {
                mismatched++;
            }
        }
        var ok = rows == tracked.Acknowledged && mismatched == 0 && seen == heads.Count(h => h > 0);
        return new Check(ok, string.Create(CultureInfo.InvariantCulture,
            $"{tracked.Side.Name}: {tracked.Acknowledged:N0} appends acknowledged, {rows:N0} rows stored, {mismatched} streams not at their acknowledged sequence: {(ok ? "consistent" : "**INCONSISTENT**")}."));
    }
}
