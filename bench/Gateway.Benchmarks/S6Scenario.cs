using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Directory;
using PolicingHub.Runtime;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// DESIGN.md §8 S6: POST /api/tasks (assign) against GET /plaintext on the same Kestrel, same process, same client. For each
/// store: seed through the API, warm both sides up, then <c>rounds</c> rounds with the two sides one after the other
/// (alternating which goes first), each side bounded by a request count and a time limit.
/// </summary>
public static class S6Scenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        Console.WriteLine(settings.Describe());
        using var counters = new RuntimeCounters();
        var results = new List<StoreResult>();
        foreach (var store in settings.Stores)
        {
            results.Add(await RunStoreAsync(store, settings, counters));
        }

        Console.WriteLine();
        Console.WriteLine(Report.Table(settings, results));
        Console.WriteLine(Report.Costs(results));
        Console.WriteLine(Report.Verdict(results));
        var failed = results.Where(r => r.Errors > 0 || !r.DirectoryMatches).ToList();
        foreach (var result in failed)
        {
            Console.Error.WriteLine($"{result.Store}: {result.Errors} error(s); directory holds {result.DirectoryTasks} tasks for {result.AssignsCreated} created.");
            foreach (var sample in result.ErrorSamples)
            {
                Console.Error.WriteLine($"  {sample}");
            }
        }
        return failed.Count == 0 ? 0 : 1;
    }

    private static async Task<StoreResult> RunStoreAsync(StoreKind store, Settings settings, RuntimeCounters counters)
    {
        await using var hub = new BenchHub(store);
        hub.StartServer();
        using var client = Loopback.Client(hub.BaseAddress, settings.Concurrency);
        var token = hub.CoordinatorToken("bench");
        var agreement = await hub.SeedAsync(client, token);
        var plaintext = Side.Plaintext();
        var assign = Side.Assign(token, BenchHub.AssignBody(agreement));
        Console.WriteLine($"{store}: hub on {hub.BaseAddress}, agreement {agreement}");
        var database = store == StoreKind.Sqlite ? hub.DatabasePath : null;

        // Warm-up: plaintext in batches until at least 2 s have passed (tiered JIT settles; at most 20 batches), then a
        // fixed number of assigns only, since every assign grows the agreement, agency and directory states for good.
        var warmups = new List<SideRun>();
        var warming = System.Diagnostics.Stopwatch.StartNew();
        for (var batch = 0; batch < 20 && (batch == 0 || warming.Elapsed < TimeSpan.FromSeconds(2)); batch++)
        {
            warmups.Add(await MeasureAsync(store, "warm-up", client, plaintext, settings.Concurrency, settings.WarmupPlaintext, settings.Limit, null, database));
        }
        warmups.Add(await MeasureAsync(store, "warm-up", client, assign, settings.Concurrency, settings.WarmupAssigns, settings.Limit, counters, database));

        var databaseBefore = store == StoreKind.Sqlite ? DatabaseCounts.Read(hub.DatabasePath) : null;
        var rounds = new List<(SideRun Plaintext, SideRun Assign)>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var label = $"round {round + 1}";
            SideRun p, a;
            if (round % 2 == 0)
            {
                p = await MeasureAsync(store, label, client, plaintext, settings.Concurrency, settings.Plaintext, settings.Limit, null, database);
                a = await MeasureAsync(store, label, client, assign, settings.Concurrency, settings.Assigns, settings.Limit, counters, database);
            }
            else
            {
                a = await MeasureAsync(store, label, client, assign, settings.Concurrency, settings.Assigns, settings.Limit, counters, database);
                p = await MeasureAsync(store, label, client, plaintext, settings.Concurrency, settings.Plaintext, settings.Limit, null, database);
            }
            rounds.Add((p, a));
        }
        var databaseAfter = store == StoreKind.Sqlite ? DatabaseCounts.Read(hub.DatabasePath) : null;

        // Every 201 must have named a task the directory now lists (and every failed one must not).
        var all = warmups.Concat(rounds.SelectMany(r => new[] { r.Plaintext, r.Assign })).ToList();
        var assigns = all.Where(r => r.Name == assign.Name).ToList();
        var created = assigns.Sum(r => r.Requests - r.Errors - r.IdCollisions);
        var directory = await hub.Services.GetRequiredService<IGrainFactory>().GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).Get();
        return new StoreResult(store, rounds, created, directory.Tasks.Length, all.Sum(r => r.Errors), assigns.Sum(r => r.IdCollisions),
            [.. all.SelectMany(r => r.ErrorSamples).Take(5)], databaseBefore, databaseAfter);
    }

    private static async Task<SideRun> MeasureAsync(
        StoreKind store, string label, HttpClient client, Side side, int concurrency, int total, TimeSpan limit, RuntimeCounters? counters,
        string? database)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var run = await LoadDriver.RunAsync(client, side, concurrency, total, limit, counters);
        var state = database is null || counters is null ? "" : $", agreement state now {DatabaseCounts.AgreementBytes(database):N0} B";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store} {label} {run.Name}: {run.Requests:N0} requests in {run.Elapsed.TotalSeconds:0.00} s{(run.TimedOut ? " (time limit)" : "")}, " +
            $"{run.RequestsPerSecond:N0}/s, p50 {run.PercentileMillis(0.5):0.00} ms, p99 {run.PercentileMillis(0.99):0.00} ms, " +
            $"CPU {run.CpuMicrosPerRequest:0} µs/req, GC pauses {run.GcPause.TotalMilliseconds:0} ms ({run.Gen2Collections} gen2), JIT {run.MethodsJitted:N0} methods in {run.JitTime.TotalMilliseconds:0} ms, errors {run.Errors}, id collisions {run.IdCollisions}{state}"));
        return run;
    }
}

public sealed record StoreResult(
    StoreKind Store,
    IReadOnlyList<(SideRun Plaintext, SideRun Assign)> Rounds,
    int AssignsCreated,
    int DirectoryTasks,
    int Errors,
    int IdCollisions,
    IReadOnlyList<string> ErrorSamples,
    DatabaseCounts? Before,
    DatabaseCounts? After)
{
    public bool DirectoryMatches => AssignsCreated == DirectoryTasks;

    public IReadOnlyList<double> Ratios => [.. Rounds.Select(r => r.Assign.RequestsPerSecond / r.Plaintext.RequestsPerSecond)];
}

/// <summary>What the SQLite file holds: events, reminders, and the largest grain states (the ones every assign rewrites).</summary>
public sealed record DatabaseCounts(long Events, long Reminders, IReadOnlyList<(string Grain, long Bytes)> LargestStates)
{
    public static DatabaseCounts Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }
        var largest = new List<(string, long)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT grain_type || '/' || grain_key, length(CAST(payload AS BLOB)) FROM grain_state ORDER BY 2 DESC LIMIT 4";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                largest.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        return new DatabaseCounts(Scalar("SELECT count(*) FROM events"), Scalar("SELECT count(*) FROM reminders"), largest);
    }

    /// <summary>The size of the agreement's stored state, which every assign under it rewrites.</summary>
    public static long AgreementBytes(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(length(CAST(payload AS BLOB))) FROM grain_state WHERE grain_type = 'agreement'";
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }
}

public sealed record Settings(
    IReadOnlyList<StoreKind> Stores, int Concurrency, int Rounds, int Plaintext, int Assigns, int WarmupPlaintext, int WarmupAssigns, TimeSpan Limit)
{
    public static Settings Parse(string[] args)
    {
        var stores = (Options.String(args, "--store") ?? "both").ToLowerInvariant() switch
        {
            "sqlite" => new[] { StoreKind.Sqlite },
            "memory" or "inmemory" => [StoreKind.Memory],
            "both" => [StoreKind.Sqlite, StoreKind.Memory],
            var other => throw new ArgumentException($"--store {other}: expected sqlite, memory or both"),
        };
        return new Settings(
            stores,
            Options.Int(args, "--concurrency", 64),
            Options.Int(args, "--rounds", 3),
            Options.Int(args, "--plaintext", 20_000),
            Options.Int(args, "--assigns", 5_000),
            Options.Int(args, "--warmup-plaintext", 5_000),
            Options.Int(args, "--warmup-assigns", 500),
            TimeSpan.FromSeconds(Options.Int(args, "--seconds", 30)));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"S6: {string.Join(", ", Stores)}; {Concurrency} concurrent workers over loopback HTTP/1.1; warm-up batches of {WarmupPlaintext:N0} plaintext for ≥ 2 s + " +
        $"{WarmupAssigns:N0} assigns; then {Rounds} rounds of {Plaintext:N0} plaintext and {Assigns:N0} assigns (limit {Limit.TotalSeconds:0} s per side)");
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

internal static class Report
{
    private const double GoalRatio = 0.3;
    private const double GoalP99Millis = 5.0;

    public static string Table(Settings settings, IReadOnlyList<StoreResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"S6: {settings.Concurrency} concurrent workers, {settings.Rounds} rounds of up to {settings.Plaintext:N0} plaintext and {settings.Assigns:N0} assign requests " +
            $"(limit {settings.Limit.TotalSeconds:0} s per side; * = stopped by the limit) after a warm-up; req/s is the median round, latencies pool every measured request of all rounds");
        table.AppendLine();
        table.AppendLine("| store | side | requests | req/s (median) | req/s per round | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | CPU µs/req | errors | id collisions (409) | assign/plaintext: median (per round) |");
        table.AppendLine("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            var ratios = result.Ratios;
            Row(table, result.Store, [.. result.Rounds.Select(r => r.Plaintext)], "1.000×");
            Row(table, result.Store, [.. result.Rounds.Select(r => r.Assign)],
                string.Create(CultureInfo.InvariantCulture, $"**{Median(ratios):0.000}×** ({string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))})"));
        }
        return table.ToString();
    }

    public static string Costs(IReadOnlyList<StoreResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("Per assign (measured rounds; from the runtime's meter, and for SQLite from the file):");
        text.AppendLine();
        text.AppendLine("| store | grain calls | grain state reads + writes | summed storage time (ms, with queueing) | events appended | reminder rows | GC pauses (% of wall time), gen2 GCs | largest states at the end (bytes) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var result in results)
        {
            var runs = result.Rounds.Select(r => r.Assign).ToList();
            var handled = runs.Sum(r => r.Requests);
            var created = runs.Sum(r => r.Requests - r.Errors - r.IdCollisions);
            var calls = runs.Sum(r => r.Runtime!.GrainCalls);
            var storage = runs.Sum(r => r.Runtime!.StorageOperations);
            var nanos = runs.Sum(r => r.Runtime!.StorageNanos);
            var events = result.After is { } a && result.Before is { } b ? ((double)(a.Events - b.Events) / handled).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
            var reminders = result.After is { } a2 && result.Before is { } b2 ? ((double)(a2.Reminders - b2.Reminders) / created).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
            var gc = $"{100 * runs.Sum(r => r.GcPause.TotalSeconds) / runs.Sum(r => r.Elapsed.TotalSeconds):0}%, {runs.Sum(r => r.Gen2Collections)}";
            var largest = result.After is { } a3 ? string.Join(", ", a3.LargestStates.Select(s => $"{s.Grain} {s.Bytes:N0}")) : "n/a";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Store} | {(double)calls / handled:0.00} | {(double)storage / handled:0.00} | {nanos / 1e6 / handled:0.000} | {events} | {reminders} | {gc} | {largest} |");
        }
        return text.ToString();
    }

    public static string Verdict(IReadOnlyList<StoreResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            var ratio = Median(result.Ratios);
            var p99 = SideRun.Percentile(Pool(result.Rounds.Select(r => r.Assign)), 0.99);
            var met = ratio >= GoalRatio && p99 <= GoalP99Millis;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{result.Store}: S6 goal (≥ {GoalRatio:0.0}× plaintext, p99 ≤ {GoalP99Millis:0} ms) {(met ? "MET" : "NOT MET")}: ratio {ratio:0.000}×, assign p99 {p99:0.00} ms; " +
                $"{result.AssignsCreated:N0} tasks created, directory lists {result.DirectoryTasks:N0}; errors {result.Errors}, id collisions {result.IdCollisions}");
        }
        return text.ToString();
    }

    private static void Row(StringBuilder table, StoreKind store, IReadOnlyList<SideRun> runs, string ratio)
    {
        var pooled = Pool(runs);
        var median = Median([.. runs.Select(r => r.RequestsPerSecond)]);
        var perRound = string.Join(", ", runs.Select(r => r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture) + (r.TimedOut ? "*" : "")));
        var cpu = runs.Sum(r => r.Cpu.TotalMicroseconds) / pooled.Length;
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {store} | {runs[0].Name} | {pooled.Length:N0} | {median:N0} | {perRound} | {SideRun.Percentile(pooled, 0.5):0.00} | {SideRun.Percentile(pooled, 0.99):0.00} | " +
            $"{SideRun.Percentile(pooled, 0.999):0.00} | {SideRun.Percentile(pooled, 1.0):0.00} | {cpu:0} | {runs.Sum(r => r.Errors)} | {runs.Sum(r => r.IdCollisions)} | {ratio} |");
    }

    private static long[] Pool(IEnumerable<SideRun> runs)
    {
        var all = runs.SelectMany(r => r.SortedTicks).ToArray();
        Array.Sort(all);
        return all;
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
