using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>One kind of request the load sends, built fresh for each send.</summary>
public sealed class Side(string name, Func<HttpRequestMessage> request)
{
    public static readonly MediaTypeHeaderValue Json = new("application/json");

    public string Name { get; } = name;

    public HttpRequestMessage NewRequest() => request();

    public static Side Plaintext() => new("plaintext", () => new HttpRequestMessage(HttpMethod.Get, "/plaintext"));

    public static Side Assign(string token, byte[] body)
    {
        var bearer = new AuthenticationHeaderValue("Bearer", token);
        return new Side("task assign", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.Authorization = bearer;
            return request;
        });
    }
}

/// <summary>
/// A closed loop: <c>concurrency</c> workers, each sending one request at a time until <c>total</c> requests have been
/// claimed or the time limit passes. Records each request's latency (send to last body byte) in Stopwatch ticks.
/// </summary>
public static class LoadDriver
{
    public static async Task<SideRun> RunAsync(HttpClient client, Side side, int concurrency, int total, TimeSpan limit, RuntimeCounters? counters = null)
    {
        var claimed = 0;
        var before = counters?.Take();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gen2Before = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<Worker>[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                var worker = new Worker(total / concurrency + 1);
                while (Interlocked.Increment(ref claimed) <= total && Stopwatch.GetTimestamp() < deadline)
                {
                    await worker.SendAsync(client, side).ConfigureAwait(false);
                }
                return worker;
            });
        }
        var done = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gen2 = GC.CollectionCount(2) - gen2Before;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;
        var ticks = done.SelectMany(w => w.Samples).ToArray();
        Array.Sort(ticks);
        return new SideRun(
            side.Name, ticks, elapsed, cpu, gen2, pause, jitted, jitTime, TimedOut: ticks.Length < total,
            Errors: done.Sum(w => w.Errors), IdCollisions: done.Sum(w => w.IdCollisions),
            ErrorSamples: [.. done.SelectMany(w => w.ErrorSamples).Take(5)],
            Runtime: counters is null ? null : counters.Take() - before!);
    }

    private sealed class Worker(int capacity)
    {
        public List<long> Samples { get; } = new(capacity);

        public int Errors { get; private set; }

        public int IdCollisions { get; private set; }

        public List<string> ErrorSamples { get; } = [];

        public async Task SendAsync(HttpClient client, Side side)
        {
            var start = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                using var request = side.NewRequest();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
                }
                else
                {
                    var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    // A server-generated task id ("T-yyyyMMdd-" + 6 random hex digits) that is already taken: 409.
                    if (response.StatusCode == HttpStatusCode.Conflict && body.Contains("already exists", StringComparison.Ordinal))
                    {
                        IdCollisions++;
                    }
                    else
                    {
                        error = $"{(int)response.StatusCode} {body}";
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{exception.GetType().Name}: {exception.Message}";
            }
            Samples.Add(Stopwatch.GetTimestamp() - start);
            if (error is not null)
            {
                Errors++;
                if (ErrorSamples.Count < 5)
                {
                    ErrorSamples.Add(error.Length > 300 ? error[..300] : error);
                }
            }
        }
    }
}

public sealed record SideRun(
    string Name,
    long[] SortedTicks,
    TimeSpan Elapsed,
    TimeSpan Cpu,
    int Gen2Collections,
    TimeSpan GcPause,
    long MethodsJitted,
    TimeSpan JitTime,
    bool TimedOut,
    int Errors,
    int IdCollisions,
    IReadOnlyList<string> ErrorSamples,
    RuntimeSnapshot? Runtime)
{
    public int Requests => SortedTicks.Length;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Process CPU time (the in-process client included) per request.</summary>
    public double CpuMicrosPerRequest => Cpu.TotalMicroseconds / Requests;

    /// <summary>The q-quantile in milliseconds (nearest rank).</summary>
    public double PercentileMillis(double q) => Percentile(SortedTicks, q);

    public static double Percentile(long[] sortedTicks, double q)
    {
        var rank = (int)Math.Ceiling(q * sortedTicks.Length) - 1;
        return sortedTicks[Math.Clamp(rank, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
