using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Hosting;
using PolicingHub.Runtime.Storage.Sqlite;

namespace PolicingHub.Benchmarks;

/// <summary>
/// `-- writes`: S4 on SQLite. Sequential durable grain writes (Add → WriteStateAsync) against the same conditional
/// UPDATE run straight through Microsoft.Data.Sqlite on a connection opened with the store's settings and pragmas, each
/// write in its own BEGIN IMMEDIATE transaction, same payload. Every side has its own temporary database file, deleted
/// afterwards. The sides run interleaved in short blocks (rotating order), so that all of them see the same disk: on a
/// shared machine the fsync latency drifts by 10× from one second to the next, which back-to-back runs cannot compare.
/// </summary>
public static class WriteScenario
{
    /// <summary>Makes the state payload a realistic ~240 bytes of JSON on both sides.</summary>
    public const string Notes =
        "Benchmark state padding: a short free-text field of the kind a policing record carries (location, officer, " +
        "remarks), kept constant so that the runtime and the baseline write exactly the same number of bytes per row.";

    private const string GrainType = "durablecounter";
    private const string GrainKey = "w";
    private const string StateName = "s";

    private const string Update =
        "UPDATE grain_state SET payload = @p, etag = etag + 1, updated_at = @t " +
        "WHERE grain_type = @gt AND grain_key = @gk AND state_name = @sn AND etag = @e";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Options.Int(args, "--count", 5_000);
        var block = Options.Int(args, "--block", 50);
        var rounds = Options.Int(args, "--rounds", 3);
        var limit = TimeSpan.FromSeconds(Options.Int(args, "--seconds", 60));
        var modes = (Options.String(args, "--sync") ?? "both") switch
        {
            "full" => new[] { SqliteSynchronous.Full },
            "normal" => new[] { SqliteSynchronous.Normal },
            _ => new[] { SqliteSynchronous.Full, SqliteSynchronous.Normal },
        };

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"S4 SQLite durable writes: up to {count:N0} sequential writes per side per round, sides interleaved in blocks of {block} " +
            $"(limit {limit.TotalSeconds:0} s per round), after ≥ 1 s of warm-up; {rounds} rounds; per side the median round, ratios taken within each round; temp files in {Path.GetTempPath()}");
        table.AppendLine();
        table.AppendLine("| synchronous | side | writes/s (median) | all rounds | p50 (µs) | p99 (µs) | p99.9 (µs) | CPU µs/write | allocated B/write | payload B | ratio vs baseline: median (per round) |");
        table.AppendLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var mode in modes)
        {
            var perRound = new List<WriteRun[]>();
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                var runs = await RunRoundAsync(mode, count, block, limit);
                perRound.Add(runs);
                foreach (var run in runs)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"synchronous={mode} round {round + 1}: {run.Name}: {run.Writes:N0} writes, {run.WritesPerSecond:N0}/s, " +
                        $"p50 {run.PercentileMicros(0.5):0} µs, p99 {run.PercentileMicros(0.99):0} µs, CPU {run.CpuMicrosPerWrite:0} µs/write, " +
                        $"{run.BytesPerWrite:0} B/write, payload {run.PayloadBytes} B"));
                }
            }
            var sides = perRound[0].Length;
            for (var s = 0; s < sides; s++)
            {
                var median = Median(perRound.Select(r => r[s]));
                var all = string.Join(", ", perRound.Select(r => r[s].WritesPerSecond.ToString("N0", CultureInfo.InvariantCulture)));
                // Ratio within each round (the sides ran interleaved), then the median over rounds.
                var ratios = perRound.Select(r => r[s].WritesPerSecond / r[0].WritesPerSecond).Order().ToList();
                var ratio = ratios[ratios.Count / 2];
                var allRatios = string.Join(", ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)));
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {mode} | {median.Name} | {median.WritesPerSecond:N0} | {all} | {median.PercentileMicros(0.5):0} | " +
                    $"{median.PercentileMicros(0.99):0} | {median.PercentileMicros(0.999):0} | {median.CpuMicrosPerWrite:0} | " +
                    $"{median.BytesPerWrite:0} | {median.PayloadBytes} | **{ratio:0.00}×** ({allRatios}) |");
            }
        }
        Console.WriteLine();
        Console.WriteLine(table.ToString());
        return 0;
    }

    private static WriteRun Median(IEnumerable<WriteRun> runs)
    {
        var sorted = runs.OrderBy(r => r.WritesPerSecond).ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>One round: fresh databases for every side, a warm-up, then interleaved measured blocks.</summary>
    private static async Task<WriteRun[]> RunRoundAsync(SqliteSynchronous mode, int count, int block, TimeSpan limit)
    {
        var sides = new List<IWriteSide>();
        try
        {
            sides.Add(await DriverSide.StartAsync("driver, prepared command (baseline)", mode, prepared: true));
            sides.Add(await DriverSide.StartAsync("driver, new command per write", mode, prepared: false));
            sides.Add(await GrainSide.StartAsync("grain WriteStateAsync", mode));

            // Warm-up, interleaved too: at least 1 s and 200 writes per side (tiered JIT settles), at most 10 s.
            var warming = Stopwatch.StartNew();
            for (var i = 0; (i < 200 || warming.Elapsed < TimeSpan.FromSeconds(1)) && warming.Elapsed < TimeSpan.FromSeconds(10); i++)
            {
                foreach (var side in sides)
                {
                    await side.WriteAsync();
                }
            }

            var durations = sides.Select(_ => new List<long>(count)).ToArray();
            var cpu = new TimeSpan[sides.Count];
            var allocated = new long[sides.Count];
            var elapsed = new long[sides.Count];
            var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
            for (var b = 0; durations.Any(d => d.Count < count) && Stopwatch.GetTimestamp() < deadline; b++)
            {
                for (var k = 0; k < sides.Count; k++)
                {
                    var s = (k + b) % sides.Count; // rotate who goes first
                    var n = Math.Min(block, count - durations[s].Count);
                    if (n <= 0)
                    {
                        continue;
                    }
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var blockStart = Stopwatch.GetTimestamp();
                    for (var i = 0; i < n; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await sides[s].WriteAsync();
                        durations[s].Add(Stopwatch.GetTimestamp() - start);
                    }
                    elapsed[s] += Stopwatch.GetTimestamp() - blockStart;
                    cpu[s] += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    allocated[s] += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                }
            }

            var runs = new WriteRun[sides.Count];
            for (var s = 0; s < sides.Count; s++)
            {
                var sorted = durations[s].ToArray();
                Array.Sort(sorted);
                runs[s] = new WriteRun(sides[s].Name, sorted.Length, TimeSpan.FromSeconds((double)elapsed[s] / Stopwatch.Frequency),
                    cpu[s], allocated[s], sorted, await sides[s].VerifyAsync());
            }
            return runs;
        }
        finally
        {
            foreach (var side in sides)
            {
                await side.DisposeAsync();
            }
        }
    }

    private interface IWriteSide : IAsyncDisposable
    {
        string Name { get; }

        Task WriteAsync();

        /// <summary>Checks every acknowledged write is stored; returns the stored payload's size in bytes.</summary>
        Task<int> VerifyAsync();
    }

    /// <summary>The runtime: one durable grain on a silo with the SQLite store.</summary>
    private sealed class GrainSide : IWriteSide
    {
        private readonly IHost _host;
        private readonly IDurableCounterGrain _grain;
        private readonly string _path;
        private int _acknowledged;

        private GrainSide(string name, IHost host, string path)
        {
            Name = name;
            _host = host;
            _path = path;
            _grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IDurableCounterGrain>(GrainKey);
        }

        public string Name { get; }

        public static async Task<IWriteSide> StartAsync(string name, SqliteSynchronous synchronous)
        {
            var path = TempDatabasePath();
            var host = await Silo.StartAsync(r => r
                .UseSqliteStore(o =>
                {
                    o.Path = path;
                    o.Synchronous = synchronous;
                })
                .AddGrain<DurableCounterGrain>());
            return new GrainSide(name, host, path);
        }

        public async Task WriteAsync()
        {
            var value = await _grain.Add(1);
            if (value != ++_acknowledged)
            {
                throw new InvalidOperationException($"The grain counted {value}, expected {_acknowledged}.");
            }
        }

        public async Task<int> VerifyAsync()
        {
            var (etag, payload) = await ReadRowAsync(_path);
            // The first write inserts the row with ETag 1; each later write adds one.
            return etag == _acknowledged && payload.Contains($"\"value\":{_acknowledged},", StringComparison.Ordinal)
                ? Encoding.UTF8.GetByteCount(payload)
                : throw new InvalidOperationException($"Stored ETag {etag} / payload {payload}; expected {_acknowledged} writes.");
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync(TimeSpan.FromSeconds(30));
            _host.Dispose();
            DeleteDatabase(_path);
        }
    }

    /// <summary>The baseline: the conditional UPDATE through the driver, one BEGIN IMMEDIATE transaction per write.</summary>
    private sealed class DriverSide : IWriteSide
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand? _prepared;
        private readonly string _path;
        private long _etag = 1;
        private int _value;

        private DriverSide(string name, SqliteConnection connection, bool prepared, string path)
        {
            Name = name;
            _connection = connection;
            _path = path;
            if (prepared)
            {
                _prepared = NewUpdate(connection);
                _prepared.Prepare();
            }
        }

        public string Name { get; }

        public static async Task<IWriteSide> StartAsync(string name, SqliteSynchronous synchronous, bool prepared)
        {
            var path = TempDatabasePath();
            var connection = new SqliteConnection(ConnectionString(path));
            await connection.OpenAsync();
            // The store's pragmas (SqliteDatabase.OpenWriterAsync) and its schema.
            await ExecuteAsync(connection, null,
                $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL")}; PRAGMA busy_timeout = 5000;");
            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                await ExecuteAsync(connection, transaction, SqliteSchema.Create);
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_at)
                    VALUES ('durablecounter', 'w', 's', 1, '{}', '');
                    """);
                await transaction.CommitAsync();
            }
            return new DriverSide(name, connection, prepared, path);
        }

        public async Task WriteAsync()
        {
            var payload = JsonSerializer.Serialize(new CounterState { Value = _value + 1 }, Json);
            await using var transaction = _connection.BeginTransaction(deferred: false);
            var command = _prepared ?? NewUpdate(_connection);
            try
            {
                command.Transaction = transaction;
                command.Parameters["@p"].Value = payload;
                command.Parameters["@t"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                command.Parameters["@e"].Value = _etag;
                if (await command.ExecuteNonQueryAsync() != 1)
                {
                    throw new InvalidOperationException("The conditional update found another ETag.");
                }
                await transaction.CommitAsync();
                _etag++;
                _value++;
            }
            finally
            {
                if (_prepared is null)
                {
                    await command.DisposeAsync();
                }
            }
        }

        public async Task<int> VerifyAsync()
        {
            var (etag, payload) = await ReadRowAsync(_path);
            return etag == _etag && payload.Contains($"\"value\":{_value},", StringComparison.Ordinal)
                ? Encoding.UTF8.GetByteCount(payload)
                : throw new InvalidOperationException($"Stored ETag {etag} / payload {payload}; expected {_etag}.");
        }

        public async ValueTask DisposeAsync()
        {
            if (_prepared is not null)
            {
                await _prepared.DisposeAsync();
            }
            SqliteConnection.ClearPool(_connection);
            await _connection.DisposeAsync();
            DeleteDatabase(_path);
        }

        private static SqliteCommand NewUpdate(SqliteConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = Update;
            command.Parameters.Add("@p", SqliteType.Text);
            command.Parameters.Add("@t", SqliteType.Text);
            command.Parameters.AddWithValue("@gt", GrainType);
            command.Parameters.AddWithValue("@gk", GrainKey);
            command.Parameters.AddWithValue("@sn", StateName);
            command.Parameters.Add("@e", SqliteType.Integer);
            return command;
        }
    }

    /// <summary>The store's connection string (SqliteDatabase's constructor).</summary>
    private static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        ForeignKeys = true,
    }.ToString();

    private static async Task<(long ETag, string Payload)> ReadRowAsync(string path)
    {
        await using var connection = new SqliteConnection(ConnectionString(path) + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_type = @gt AND grain_key = @gk AND state_name = @sn";
        command.Parameters.AddWithValue("@gt", GrainType);
        command.Parameters.AddWithValue("@gk", GrainKey);
        command.Parameters.AddWithValue("@sn", StateName);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetInt64(0), reader.GetString(1))
            : throw new InvalidOperationException("No grain_state row.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    private static string TempDatabasePath() => Path.Combine(Path.GetTempPath(), $"policinghub-bench-{Guid.NewGuid():N}.db");

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}

public sealed record WriteRun(string Name, int Writes, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, long[] SortedTicks, int PayloadBytes)
{
    public double WritesPerSecond => Writes / Elapsed.TotalSeconds;

    public double CpuMicrosPerWrite => Cpu.TotalMicroseconds / Writes;

    public double BytesPerWrite => (double)AllocatedBytes / Writes;

    public double PercentileMicros(double q)
    {
        var rank = (int)Math.Ceiling(q * Writes) - 1;
        return SortedTicks[Math.Clamp(rank, 0, Writes - 1)] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
