using PolicingHub.Runtime;

namespace PolicingHub.Benchmarks;

/// <summary>S1: an in-memory counter, no storage.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _value;

    public Task<int> Add(int amount) => Task.FromResult(_value += amount);
}

/// <summary>S1, asynchronous variant: the grain method yields once before answering (the path any awaiting grain takes).</summary>
public interface IYieldingCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);
}

public sealed class YieldingCounterGrain : Grain, IYieldingCounterGrain
{
    private int _value;

    public async Task<int> Add(int amount)
    {
        await Task.Yield();
        return _value += amount;
    }
}

/// <summary>The durable counter's state; <see cref="Notes"/> gives the payload a realistic size (same on both sides).</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string Notes { get; set; } = WriteScenario.Notes;
}

/// <summary>Durable writes: every Add writes the state through the configured store.</summary>
public interface IDurableCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);
}

public sealed class DurableCounterGrain([PersistentState("s")] IPersistentState<CounterState> state) : Grain, IDurableCounterGrain
{
    public async Task<int> Add(int amount)
    {
        var next = state.State.Value + amount;
        state.State.Value = next;
        await state.WriteStateAsync();
        return next;
    }
}
