using System.Globalization;
using System.Text;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// DESIGN.md §8 S6: POST /api/tasks (assign) against GET /plaintext on the same Kestrel, same process, same client. For each
/// store: start the real silo, seed it through the API, warm every side up, then <c>rounds</c> rounds running the sides one
/// after the other (rotating which goes first), each for a fixed time. A third side, the same assign as a direct grain
/// call in the silo, splits the assign's cost between the gateway (HTTP, JSON, token, pipeline) and the grains and log.
/// </summary>
public static class S6Scenario
{
    public const double GoalNowRatio = 0.1;
    public const double GoalNowP99Millis = 50;
    public const double GoalFinalRatio = 0.3;
    public const double GoalFinalP99Millis = 5;

    public static async Task<int> RunAsync(Settings settings)
    {
        var machine = Machine.Describe();
        Console.WriteLine($"{settings.Describe()}; {machine}");
        using var meters = new HubMeters();
        var results = new List<StoreResult>();
        foreach (var store in settings.Stores)
        {
            results.Add(await RunStoreAsync(store, settings, meters));
        }

        Console.WriteLine();
        Console.WriteLine(Report.Table(settings, machine, results));
        Console.WriteLine(Report.Costs(results));
        if (settings.Profile)
        {
            Console.WriteLine(Report.GrainCalls(results));
        }
        Console.WriteLine(Report.Verdict(results));
        var failed = results.Where(r => r.Errors > 0 || !r.TasksMatch).ToList();
        foreach (var result in failed)
        {
            Console.Error.WriteLine($"{result.Store}: {result.Errors} error(s); the hub lists {result.TasksListed} tasks for {result.TasksCreated} created.");
            foreach (var sample in result.ErrorSamples)
            {
                Console.Error.WriteLine($"  {sample}");
            }
        }
        return failed.Count == 0 ? 0 : 1;
    }

    private static async Task<StoreResult> RunStoreAsync(StoreKind store, Settings settings, HubMeters meters)
    {
        var timer = settings.Profile ? new GrainCallTimer() : null;
        using var jit = settings.Profile ? new JitListener() : null;
        await using var peer = store == StoreKind.Cluster ? await ClusterPeer.CreateDatabaseAsync(settings.Postgres!) : null;
        await using var hub = await Hub.StartAsync(store, timer, peer);
        if (peer is not null)
        {
            await peer.StartSiloAsync(hub.SigningKeyPath, hub.Folder);
        }
        using var client = Loopback.Client(hub.BaseAddress, settings.Concurrency);
        using var peerClient = peer?.Silo is { } silo ? Loopback.Client(silo.Address, settings.Concurrency) : null;
        HttpClient[] gateways = peerClient is null ? [client] : [client, peerClient];
        var token = hub.CoordinatorToken("bench");
        var agreement = await Hub.SeedAsync(client, token);
        var run = Convert.ToHexString(BitConverter.GetBytes(Environment.TickCount64))[..8];
        LoadSide[] sides = [.. settings.Sides.Select(name => name switch
        {
            "plaintext" => (LoadSide)HttpSide.Plaintext(client),
            "assign" => HttpSide.Assign(gateways, token, Hub.AssignBody(agreement), run),
            _ => new GrainAssignSide(hub.Services, agreement, run),
        })];
        Console.WriteLine(peer is null
            ? $"{store}: hub on {hub.BaseAddress}, data in {hub.DataPath}, agreement {agreement}"
            : $"{store}: silo 1 (this process) on {hub.BaseAddress}, silo 2 (pid {peer.Silo!.Pid}) on {peer.Silo.Address}, database {peer.Database}, agreement {agreement}");
        Func<TimeSpan>? cpu = peer is null ? null : () => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime + peer.SiloCpu();

        var all = new List<SideRun>();
        var warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
        foreach (var side in sides)
        {
            all.Add(await MeasureAsync(store, "warm-up", side, settings.Concurrency, warmup, meters, timer, null, cpu));
        }
        var rounds = sides.ToDictionary(s => s.Name, _ => new List<SideRun>());
        var calls = sides.ToDictionary(s => s.Name, _ => new List<GrainCallTimings>());
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var i = 0; i < sides.Length; i++)
            {
                var side = sides[(i + round) % sides.Length];
                jit?.Start();
                var measured = await MeasureAsync(store, $"round {round + 1}", side, settings.Concurrency, TimeSpan.FromSeconds(settings.Seconds), meters, timer, calls[side.Name], cpu);
                if (jit?.Stop() is { } compiled && round == settings.Rounds - 1)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  JIT during {side.Name}, last round: {string.Join(", ", compiled.Tiers.Select(t => $"{t.Tier} {t.Methods}"))}; by type: " +
                        $"{string.Join(", ", compiled.Types.Take(12).Select(t => $"{t.Type} {t.Methods}"))}"));
                }
                rounds[side.Name].Add(measured);
                all.Add(measured);
            }
        }

        // Every 201 must have named a task the hub now lists, and nothing else may be listed.
        var created = all.Where(r => r.Name != "plaintext").Sum(r => r.Succeeded);
        var listed = await Hub.CountTasksAsync(client, token);
        return new StoreResult(store, [.. sides.Select(s => rounds[s.Name])], [.. sides.Select(s => calls[s.Name])], created, listed,
            all.Sum(r => r.Errors), [.. all.SelectMany(r => r.ErrorSamples).Take(5)]);
    }

    private static async Task<SideRun> MeasureAsync(
        StoreKind store, string label, LoadSide side, int concurrency, TimeSpan duration, HubMeters meters, GrainCallTimer? timer, List<GrainCallTimings>? calls, Func<TimeSpan>? cpu)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        timer?.TakeAndReset();
        var run = await LoadDriver.RunAsync(side, concurrency, duration, meters, cpu);
        if (timer is not null && calls is not null)
        {
            calls.Add(new GrainCallTimings(run.Succeeded, timer.TakeAndReset()));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store} {label} {run.Name}: {run.Requests:N0} in {run.Elapsed.TotalSeconds:0.00} s, {run.RequestsPerSecond:N0}/s, p50 {run.PercentileMillis(0.5):0.00} ms, " +
            $"p99 {run.PercentileMillis(0.99):0.00} ms, CPU {run.CpuMicrosPerRequest:0} µs/req, GC pauses {run.GcPause.TotalMilliseconds:0} ms ({run.Gen2Collections} gen2), " +
            $"JIT {run.MethodsJitted:N0} methods, errors {run.Errors}"));
        return run;
    }
}

public sealed record GrainCallTimings(int Requests, IReadOnlyList<(string Call, long Count, double MeanMillis, double P99Millis)> Calls);

public sealed record StoreResult(
    StoreKind Store,
    IReadOnlyList<IReadOnlyList<SideRun>> Sides,
    IReadOnlyList<IReadOnlyList<GrainCallTimings>> Calls,
    int TasksCreated,
    int TasksListed,
    int Errors,
    IReadOnlyList<string> ErrorSamples)
{
    public IReadOnlyList<SideRun>? Plaintext => Sides.FirstOrDefault(s => s[0].Name == "plaintext");

    public IReadOnlyList<SideRun>? Assign => Sides.FirstOrDefault(s => s[0].Name.StartsWith("task assign (REST", StringComparison.Ordinal));

    public bool TasksMatch => TasksCreated == TasksListed;

    /// <summary>Each round's ratio of <paramref name="side"/>'s throughput to plaintext's.</summary>
    public IReadOnlyList<double> Ratios(IReadOnlyList<SideRun> side) =>
        Plaintext is { } plaintext ? [.. side.Select((r, i) => r.RequestsPerSecond / plaintext[i].RequestsPerSecond)] : [.. side.Select(_ => double.NaN)];
}

public sealed record Settings(
    IReadOnlyList<StoreKind> Stores, IReadOnlyList<string> Sides, int Concurrency, int Rounds, double Seconds, double WarmupSeconds, bool Profile,
    string? Postgres = null)
{
    public static Settings Parse(string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "--store", "--sides", "--concurrency", "--rounds", "--seconds", "--warmup-seconds", "--profile", "--postgres" };
        foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (!known.Contains(arg))
            {
                throw new ArgumentException($"Unknown option {arg}.");
            }
        }
        var stores = (Options.String(args, "--store") ?? "both").ToLowerInvariant() switch
        {
            "sqlite" => new[] { StoreKind.Sqlite },
            "inmemory" or "memory" => [StoreKind.InMemory],
            "both" => [StoreKind.Sqlite, StoreKind.InMemory],
            "cluster" => [StoreKind.Cluster],
            var other => throw new ArgumentException($"--store {other}: expected sqlite, inmemory, both or cluster"),
        };
        var postgres = Options.String(args, "--postgres");
        if (stores.Contains(StoreKind.Cluster) && string.IsNullOrWhiteSpace(postgres))
        {
            throw new ArgumentException("--store cluster needs --postgres CONNECTION (a PostgreSQL 15 login that may CREATE DATABASE).");
        }
        var sides = (Options.String(args, "--sides") ?? "plaintext,assign,grain").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sides.Length == 0 || sides.Any(s => s is not ("plaintext" or "assign" or "grain")) || sides.Distinct().Count() != sides.Length)
        {
            throw new ArgumentException("--sides: a comma-separated list of plaintext, assign and grain (the assign as a direct grain call).");
        }
        return new Settings(
            stores,
            sides,
            Options.Int(args, "--concurrency", 64),
            Options.Int(args, "--rounds", 3),
            Options.Double(args, "--seconds", 5),
            Options.Double(args, "--warmup-seconds", 2),
            args.Contains("--profile"),
            postgres);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"S6: {string.Join(", ", Stores)}; {Concurrency} concurrent workers over loopback HTTP/1.1; each side warmed up for {WarmupSeconds:0.#} s, " +
        $"then {Rounds} rounds of {Seconds:0.#} s per side{(Profile ? "; grain calls timed (--profile)" : "")}");
}

internal static class Options
{
    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static double Double(string[] args, string name, double fallback) =>
        Value(args, name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string? String(string[] args, string name) => Value(args, name);

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return null;
        }
        return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[i + 1]
            : throw new ArgumentException($"{name} needs a value.");
    }
}

internal static class Machine
{
    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
        $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {LoadAverage()}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}");

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} / {fields[1]} / {fields[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

internal static class Report
{
    public static string Table(Settings settings, string machine, IReadOnlyList<StoreResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"S6: {settings.Concurrency} concurrent closed-loop workers over loopback HTTP/1.1, {settings.Rounds} rounds of {settings.Seconds:0.#} s per side (rotating), " +
            $"after {settings.WarmupSeconds:0.#} s of warm-up per side; {machine}. req/s is the median round; the ratio to plaintext is taken within each round " +
            $"(median, then each round); latencies pool all rounds. The grain-call row is the same assign without HTTP (a profile, not part of S6).");
        table.AppendLine();
        table.AppendLine("| store | side | requests | req/s | req/s per round | ratio to plaintext | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | CPU µs/req | errors |");
        table.AppendLine("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            foreach (var side in result.Sides)
            {
                var ratios = result.Ratios(side);
                var pooled = Pool(side);
                var perRound = string.Join(", ", side.Select(r => r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)));
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {result.Store} | {side[0].Name} | {pooled.Length:N0} | {Median(side.Select(r => r.RequestsPerSecond)):N0} | {perRound} | " +
                    $"**{Median(ratios):0.000}×** ({string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}) | " +
                    $"{SideRun.Percentile(pooled, 0.5):0.00} | {SideRun.Percentile(pooled, 0.99):0.00} | {SideRun.Percentile(pooled, 0.999):0.00} | {SideRun.Percentile(pooled, 1.0):0.00} | " +
                    $"{side.Sum(r => r.Cpu.TotalMicroseconds) / Math.Max(1, pooled.Length):0} | {side.Sum(r => r.Errors)} |");
            }
        }
        return table.ToString();
    }

    public static string Costs(IReadOnlyList<StoreResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("Where an assign's time goes (measured rounds): the server's own time per POST (ASP.NET Core's http.server.request.duration), the event log's");
        text.AppendLine("time per append from queued to result (its meter), appends per transaction, and the process's GC and JIT during the side:");
        text.AppendLine();
        text.AppendLine("| store | side | client p50 / mean (ms) | server time per POST, mean (ms) | log appends per request | log append, mean (ms) | appends per commit | GC pause (% of wall) | gen2 GCs | methods JIT-compiled |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            foreach (var side in result.Sides.Where(s => s[0].Name != "plaintext"))
            {
                var meters = side.Select(r => r.Meters).Aggregate((a, b) => new MeterSnapshot(
                    a.Appends + b.Appends, a.AppendMicros + b.AppendMicros, a.Batches + b.Batches, a.BatchedAppends + b.BatchedAppends, a.Posts + b.Posts, a.PostMicros + b.PostMicros));
                var requests = side.Sum(r => r.Requests);
                var pooled = Pool(side);
                var mean = pooled.Length == 0 ? double.NaN : pooled.Average() * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {result.Store} | {side[0].Name} | {SideRun.Percentile(pooled, 0.5):0.00} / {mean:0.00} | {(meters.Posts == 0 ? "–" : meters.PostMeanMillis.ToString("0.00", CultureInfo.InvariantCulture))} | " +
                    $"{(double)meters.Appends / Math.Max(1, requests):0.00} | {meters.AppendMeanMillis:0.00} | {meters.AppendsPerBatch:0.0} | " +
                    $"{100 * side.Sum(r => r.GcPause.TotalSeconds) / side.Sum(r => r.Elapsed.TotalSeconds):0.0}% | {side.Sum(r => r.Gen2Collections)} | {side.Sum(r => r.MethodsJitted):N0} |");
            }
        }
        return text.ToString();
    }

    public static string GrainCalls(IReadOnlyList<StoreResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("Grain calls per assign (--profile: an outgoing grain call filter in the silo; time from the call to its result, callee's queueing and awaits included):");
        text.AppendLine();
        text.AppendLine("| store | side | call | calls per request | mean (ms) | p99 (ms, worst round) |");
        text.AppendLine("| --- | --- | --- | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            for (var s = 0; s < result.Sides.Count; s++)
            {
                if (result.Sides[s][0].Name == "plaintext")
                {
                    continue;
                }
                var timings = result.Calls[s];
                var requests = timings.Sum(t => t.Requests);
                foreach (var group in timings.SelectMany(t => t.Calls).GroupBy(c => c.Call).OrderByDescending(g => g.Sum(c => c.Count)))
                {
                    var count = group.Sum(c => c.Count);
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {result.Store} | {result.Sides[s][0].Name} | {group.Key} | {(double)count / Math.Max(1, requests):0.00} | " +
                        $"{group.Sum(c => c.MeanMillis * c.Count) / count:0.00} | {group.Max(c => c.P99Millis):0.00} |");
                }
            }
        }
        return text.ToString();
    }

    public static string Verdict(IReadOnlyList<StoreResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            if (result.Assign is not { } assign)
            {
                continue;
            }
            var ratio = Median(result.Ratios(assign));
            var p99 = SideRun.Percentile(Pool(assign), 0.99);
            var now = ratio >= S6Scenario.GoalNowRatio && p99 <= S6Scenario.GoalNowP99Millis;
            var final = ratio >= S6Scenario.GoalFinalRatio && p99 <= S6Scenario.GoalFinalP99Millis;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{result.Store}: assign {ratio:0.000}× plaintext, p99 {p99:0.00} ms — goal for now (≥ {S6Scenario.GoalNowRatio:0.0}×, p99 ≤ {S6Scenario.GoalNowP99Millis:0} ms) " +
                $"**{(now ? "met" : "not met")}**, final goal (≥ {S6Scenario.GoalFinalRatio:0.0}×, p99 ≤ {S6Scenario.GoalFinalP99Millis:0} ms) **{(final ? "met" : "not met")}**; " +
                $"{result.TasksCreated:N0} tasks created, the hub lists {result.TasksListed:N0}; errors {result.Errors}.");
        }
        return text.ToString();
    }

    private static long[] Pool(IEnumerable<SideRun> runs)
    {
        var all = runs.SelectMany(r => r.SortedTicks).ToArray();
        Array.Sort(all);
        return all;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
