namespace PolicingHub.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    [ReadOnly]
    Task<int> Get();

    /// <summary>Writes the new value, then throws: the write stands, the failure is the call's outcome.</summary>
    Task<int> AddThenFail(int amount);

    Task Reset();

    Task<string?> ETag();
}

public sealed record CounterState
{
    public int Value { get; init; }
}

[EventName("counter.incremented")]
public sealed record CounterIncremented(string Counter, int Amount, int Value);

[GrainType("counter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> Add(int amount)
    {
        var next = state.State with { Value = state.State.Value + amount };
        state.State = next;
        await state.WriteStateAsync([new CounterIncremented(GrainKey, amount, next.Value)]);
        return next.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public async Task<int> AddThenFail(int amount)
    {
        await Add(amount);
        throw new InvalidOperationException($"failed after adding {amount}");
    }

    public Task Reset() => state.ClearStateAsync();

    public Task<string?> ETag() => Task.FromResult(state.Etag);
}
