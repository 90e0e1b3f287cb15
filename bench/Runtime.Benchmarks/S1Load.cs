using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Benchmarks;

/// <summary>One side of S1: 10,000 keys answering Add(int) -> Task&lt;int&gt;.</summary>
public abstract class S1Side : IAsyncDisposable
{
    public const int Keys = 10_000;

    public abstract string Name { get; }

    public abstract Task<int> Call(int key, int amount);

    public abstract ValueTask DisposeAsync();

    public static async Task<S1Side> CreateAsync(S1Kind kind)
    {
        S1Side side = kind switch
        {
            S1Kind.Channel => new ChannelSide(yieldInTurn: false),
            S1Kind.ChannelYielding => new ChannelSide(yieldInTurn: true),
            S1Kind.Grains => await GrainSide<ICounterGrain>.StartAsync("grains", static (g, a) => g.Add(a)),
            S1Kind.GrainsYielding => await GrainSide<IYieldingCounterGrain>.StartAsync("grains, yielding", static (g, a) => g.Add(a)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        // Activate (or touch) every key once, from the same 100 callers.
        await S1Load.RunAsync(side, S1Load.Callers, amount: 0, callsPerCaller: Keys / S1Load.Callers, TimeSpan.FromSeconds(120));
        return side;
    }

    private sealed class ChannelSide : S1Side
    {
        private readonly ChannelCounterActor[] _actors;

        public ChannelSide(bool yieldInTurn)
        {
            Name = yieldInTurn ? "channel actors, yielding" : "channel actors";
            _actors = new ChannelCounterActor[Keys];
            for (var i = 0; i < Keys; i++)
            {
                _actors[i] = new ChannelCounterActor(yieldInTurn);
            }
        }

        public override string Name { get; }

        public override Task<int> Call(int key, int amount) => _actors[key].Add(amount);

        public override async ValueTask DisposeAsync()
        {
            foreach (var actor in _actors)
            {
                actor.Stop();
            }
            await Task.WhenAll(_actors.Select(a => a.Completion)).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A one-silo host (in-memory store) and a cached reference per key.</summary>
    private sealed class GrainSide<TGrain> : S1Side where TGrain : IGrainWithStringKey
    {
        private readonly IHost _host;
        private readonly TGrain[] _grains;
        private readonly Func<TGrain, int, Task<int>> _add;

        private GrainSide(string name, IHost host, Func<TGrain, int, Task<int>> add)
        {
            Name = name;
            _host = host;
            _add = add;
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            _grains = new TGrain[Keys];
            for (var i = 0; i < Keys; i++)
            {
                _grains[i] = factory.GetGrain<TGrain>($"k{i}");
            }
        }

        public override string Name { get; }

        public static async Task<S1Side> StartAsync(string name, Func<TGrain, int, Task<int>> add)
        {
            var host = await Silo.StartAsync(r => r.UseInMemoryStore().AddGrain<CounterGrain>().AddGrain<YieldingCounterGrain>());
            return new GrainSide<TGrain>(name, host, add);
        }

        public override Task<int> Call(int key, int amount) => _add(_grains[key], amount);

        public override async ValueTask DisposeAsync()
        {
            await _host.StopAsync(TimeSpan.FromSeconds(30));
            _host.Dispose();
        }
    }
}

public enum S1Kind
{
    Channel,
    Grains,
    ChannelYielding,
    GrainsYielding,
}

/// <summary>
/// The S1 load: <see cref="Callers"/> concurrent callers, each owning a distinct slice of 100 keys and calling them
/// round-robin, one call at a time (a closed loop). Bounded by a call count and a time limit.
/// </summary>
public static class S1Load
{
    public const int Callers = 100;

    private const int Slice = S1Side.Keys / Callers;

    /// <summary>Runs <paramref name="callsPerCaller"/> calls on each caller; throws if the time limit passes first.</summary>
    public static async Task RunAsync(S1Side side, int callers, int amount, int callsPerCaller, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task<int>[callers];
        for (var c = 0; c < callers; c++)
        {
            var caller = c;
            tasks[c] = Task.Run(() => CallerAsync(side, caller * Slice, amount, callsPerCaller, deadline));
        }
        var done = await Task.WhenAll(tasks);
        if (done.Sum() != callers * callsPerCaller)
        {
            throw new TimeoutException($"{side.Name}: the time limit of {limit} passed before {callers * callsPerCaller} calls finished.");
        }
    }

    private static async Task<int> CallerAsync(S1Side side, int first, int amount, int calls, long deadline)
    {
        for (var i = 0; i < calls; i++)
        {
            await side.Call(first + (i % Slice), amount);
            if ((i & 255) == 255 && Stopwatch.GetTimestamp() > deadline)
            {
                return i + 1;
            }
        }
        return calls;
    }

    /// <summary>Like <see cref="RunAsync"/>, recording each call's latency (Stopwatch ticks); stops early at the time limit.</summary>
    public static async Task<LatencyRun> MeasureAsync(S1Side side, int callsPerCaller, TimeSpan limit)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task<long[]>[Callers];
        for (var c = 0; c < Callers; c++)
        {
            var caller = c;
            tasks[c] = Task.Run(() => MeasuringCallerAsync(side, caller * Slice, callsPerCaller, deadline));
        }
        var samples = await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new LatencyRun(side.Name, all, elapsed, cpu, allocated);
    }

    private static async Task<long[]> MeasuringCallerAsync(S1Side side, int first, int calls, long deadline)
    {
        var samples = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await side.Call(first + (i % Slice), 1);
            var end = Stopwatch.GetTimestamp();
            samples[i] = end - start;
            if (end > deadline)
            {
                return samples[..(i + 1)];
            }
        }
        return samples;
    }
}

public sealed record LatencyRun(string Name, long[] SortedTicks, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes)
{
    /// <summary>Process CPU time (all threads, thread-pool spinning included) per call: less sensitive to other load than wall time.</summary>
    public double CpuMicrosPerCall => Cpu.TotalMicroseconds / Calls;

    public int Calls => SortedTicks.Length;

    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public double BytesPerCall => (double)AllocatedBytes / Calls;

    /// <summary>The q-quantile in microseconds (nearest rank).</summary>
    public double PercentileMicros(double q)
    {
        var rank = (int)Math.Ceiling(q * Calls) - 1;
        var ticks = SortedTicks[Math.Clamp(rank, 0, Calls - 1)];
        return ticks * 1_000_000.0 / Stopwatch.Frequency;
    }
}

/// <summary>Builds and starts a one-silo host the way the tests do (Host.CreateApplicationBuilder without defaults).</summary>
public static class Silo
{
    public static async Task<IHost> StartAsync(Action<IRuntimeBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder.Services.AddPolicingHubRuntime());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
