using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>One kind of request the load sends. <see cref="SendAsync"/> answers null on success, else what went wrong.</summary>
public abstract class LoadSide(string name)
{
    public string Name { get; } = name;

    public abstract Task<string?> SendAsync();
}

/// <summary>A request over loopback HTTP/1.1, built fresh for each send, timed to the last byte of the body.</summary>
public sealed class HttpSide(string name, IReadOnlyList<HttpClient> clients, Func<HttpRequestMessage> request) : LoadSide(name)
{
    private long _sent;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpSide Plaintext(HttpClient client) => new("plaintext", [client], () => new HttpRequestMessage(HttpMethod.Get, "/plaintext"));

    /// <summary>POST /api/tasks with the coordinator's token and a new Idempotency-Key each time (so each names a new task).</summary>
    public static HttpSide Assign(HttpClient client, string token, byte[] body, string run) => Assign([client], token, body, run);

    /// <summary>As <see cref="Assign(HttpClient, string, byte[], string)"/>, taking <paramref name="clients"/> (one per silo's gateway) in turn.</summary>
    public static HttpSide Assign(IReadOnlyList<HttpClient> clients, string token, byte[] body, string run)
    {
        var bearer = new AuthenticationHeaderValue("Bearer", token);
        var next = 0L;
        var name = clients.Count == 1 ? "task assign (REST)" : $"task assign (REST, {clients.Count} gateways in turn)";
        return new HttpSide(name, clients, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.Authorization = bearer;
            request.Headers.Add("Idempotency-Key", $"s6-{run}-{Interlocked.Increment(ref next)}");
            return request;
        });
    }

    public override async Task<string?> SendAsync()
    {
        try
        {
            using var message = request();
            var client = clients[(int)(Interlocked.Increment(ref _sent) % clients.Count)];
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
                return null;
            }
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return $"{(int)response.StatusCode} {body}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }
}

/// <summary>
/// Profiling side: the same assign as the gateway sends it — <see cref="ICooperationTaskGrain.Assign"/> with an idempotency
/// key in the request context — called straight through the silo's <see cref="IGrainFactory"/>, without HTTP, JSON, the
/// token check or the gateway's pipeline.
/// </summary>
public sealed class GrainAssignSide(IServiceProvider services, string agreement, string run) : LoadSide("task assign (grain call only)")
{
    private readonly IGrainFactory _grains = services.GetRequiredService<IGrainFactory>();
    private readonly AssignTask _command = new(
        new Actor("bench", ActorRole.Coordinator, null), new AgreementId(agreement), new AgencyCode("KR-KNPA"), new AgencyCode("JP-NPA"),
        TaskKind.InformationRequest, CooperationArea.Cyberspace, Priority.Routine, HandlingCode.Green, Hub.AssignTitle, Hub.AssignDescription, null);
    private long _next;

    public override async Task<string?> SendAsync()
    {
        var n = Interlocked.Increment(ref _next);
        try
        {
            using (IdempotencyKey.Use($"bench\ng-{run}-{n}"))
            {
                await _grains.GetGrain<ICooperationTaskGrain>($"T-G{run}-{n}").Assign(_command).ConfigureAwait(false);
            }
            return null;
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }
}

/// <summary>
/// A closed loop: <c>concurrency</c> workers, each sending one request at a time until the time is up. Records each
/// request's latency in Stopwatch ticks, and the process's CPU, GC and JIT figures and the hub's meters over the run.
/// </summary>
public static class LoadDriver
{
    /// <param name="cpu">The CPU time to charge to the requests (default: this process's; on the cluster profile, the second silo's too).</param>
    public static async Task<SideRun> RunAsync(LoadSide side, int concurrency, TimeSpan duration, HubMeters meters, Func<TimeSpan>? cpu = null)
    {
        cpu ??= () => Process.GetCurrentProcess().TotalProcessorTime;
        var metersBefore = meters.Take();
        var cpuBefore = cpu();
        var gen2Before = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<Worker>[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                var worker = new Worker();
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    await worker.SendAsync(side).ConfigureAwait(false);
                }
                return worker;
            });
        }
        var done = await Task.WhenAll(workers).WaitAsync(duration + TimeSpan.FromSeconds(90));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var ticks = done.SelectMany(w => w.Samples).ToArray();
        Array.Sort(ticks);
        return new SideRun(
            side.Name, ticks, elapsed, cpu() - cpuBefore, GC.CollectionCount(2) - gen2Before,
            GC.GetTotalPauseDuration() - pauseBefore, System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore,
            Errors: done.Sum(w => w.Errors), ErrorSamples: [.. done.SelectMany(w => w.ErrorSamples).Take(5)], Meters: meters.Take() - metersBefore);
    }

    private sealed class Worker
    {
        public List<long> Samples { get; } = new(4096);

        public int Errors { get; private set; }

        public List<string> ErrorSamples { get; } = [];

        public async Task SendAsync(LoadSide side)
        {
            var start = Stopwatch.GetTimestamp();
            var error = await side.SendAsync().ConfigureAwait(false);
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
    int Errors,
    IReadOnlyList<string> ErrorSamples,
    MeterSnapshot Meters)
{
    public int Requests => SortedTicks.Length;

    public int Succeeded => Requests - Errors;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Process CPU time (the in-process client included) per request.</summary>
    public double CpuMicrosPerRequest => Cpu.TotalMicroseconds / Math.Max(1, Requests);

    /// <summary>The q-quantile in milliseconds (nearest rank).</summary>
    public double PercentileMillis(double q) => Percentile(SortedTicks, q);

    public static double Percentile(long[] sortedTicks, double q)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(q * sortedTicks.Length) - 1;
        return sortedTicks[Math.Clamp(rank, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
