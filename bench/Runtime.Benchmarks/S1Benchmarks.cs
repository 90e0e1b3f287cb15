using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;

namespace PolicingHub.Benchmarks;

/// <summary>
/// S1: in-silo grain calls against one hand-written channel actor per key. 10,000 keys, all activated in setup;
/// 100 concurrent callers, each on its own slice of 100 keys, round-robin; 100,000 calls per invocation, so every
/// figure (time, allocation) is per call. Two categories: a grain method that completes synchronously, and one that
/// yields once (what every grain method that awaits something does); each has its channel baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class S1Benchmarks
{
    public const int CallsPerInvoke = 100_000;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private S1Side _side = null!;

    [GlobalSetup(Target = nameof(ChannelActors))]
    public void SetupChannel() => Setup(S1Kind.Channel);

    [GlobalSetup(Target = nameof(Grains))]
    public void SetupGrains() => Setup(S1Kind.Grains);

    [GlobalSetup(Target = nameof(ChannelActorsYielding))]
    public void SetupChannelYielding() => Setup(S1Kind.ChannelYielding);

    [GlobalSetup(Target = nameof(GrainsYielding))]
    public void SetupGrainsYielding() => Setup(S1Kind.GrainsYielding);

    [GlobalCleanup]
    public void Cleanup() => _side.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [BenchmarkCategory("sync method"), Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public Task ChannelActors() => Run();

    [BenchmarkCategory("sync method"), Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public Task Grains() => Run();

    [BenchmarkCategory("yielding method"), Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public Task ChannelActorsYielding() => Run();

    [BenchmarkCategory("yielding method"), Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public Task GrainsYielding() => Run();

    private Task Run() => S1Load.RunAsync(_side, S1Load.Callers, amount: 1, CallsPerInvoke / S1Load.Callers, Limit);

    private void Setup(S1Kind kind) => _side = S1Side.CreateAsync(kind).GetAwaiter().GetResult();
}
