using Orleans.Concurrency;

namespace PolicingHub.Benchmarks.S1;

/// <summary>
/// The S1 grain as one writes it first: a <c>[GenerateSerializer]</c> record argument (not marked immutable, so Orleans
/// deep-copies it on every in-silo call) and a <c>Task&lt;int&gt;</c> result. The work is the baseline actor's: add and
/// answer the new total.
/// </summary>
[Alias("bench.s1.counter")]
public interface ICounterGrain : IGrainWithIntegerKey
{
    [Alias("add")]
    Task<int> Add(AddRequest request);
}

[GenerateSerializer]
[Alias("bench.s1.add-request")]
public sealed record AddRequest([property: Id(0)] int Amount);

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _total;

    public Task<int> Add(AddRequest request) => Task.FromResult(_total += request.Amount);
}

/// <summary>
/// The tuned S1 grain: the same work behind an <c>[Immutable]</c> struct argument (no copy), a <c>ValueTask&lt;int&gt;</c>
/// result (no Task per call), and <c>[AlwaysInterleave]</c>: the method never awaits, so its body still runs as one turn
/// and the state stays consistent; interleaving only lets a queued call skip the reentrancy bookkeeping.
/// </summary>
[Alias("bench.s1.tuned-counter")]
public interface ITunedCounterGrain : IGrainWithIntegerKey
{
    [Alias("add")]
    [AlwaysInterleave]
    ValueTask<int> Add(AddAmount request);
}

[GenerateSerializer]
[Immutable]
[Alias("bench.s1.add-amount")]
public readonly record struct AddAmount([property: Id(0)] int Amount);

public sealed class TunedCounterGrain : Grain, ITunedCounterGrain
{
    private int _total;

    public ValueTask<int> Add(AddAmount request) => new(_total += request.Amount);
}
