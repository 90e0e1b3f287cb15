using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Storage.InMemory;
using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Invocation;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task A_retried_call_with_the_same_key_returns_the_first_result_and_has_no_second_effect()
    {
        await using var silo = await TestSilo.StartAsync();
        var keyed = silo.Grains.GetGrain<ICounterGrain>("c1", new CallOptions { IdempotencyKey = "assign-7" });

        var first = await keyed.Add(5);
        var retry = await keyed.Add(5);

        Assert.Equal(5, first);
        Assert.Equal(5, retry);
        Assert.Equal(5, await silo.Grains.GetGrain<ICounterGrain>("c1").Get());
        var log = silo.Services.GetRequiredService<IEventLog>();
        Assert.Single(await log.ReadStreamAsync("counter/c1", 0, 100));
    }

    [Fact]
    public async Task Calls_without_a_key_or_with_different_keys_each_take_effect()
    {
        await using var silo = await TestSilo.StartAsync();

        await silo.Grains.GetGrain<ICounterGrain>("c2", new CallOptions { IdempotencyKey = "k1" }).Add(1);
        await silo.Grains.GetGrain<ICounterGrain>("c2", new CallOptions { IdempotencyKey = "k2" }).Add(1);
        await silo.Grains.GetGrain<ICounterGrain>("c2").Add(1);
        await silo.Grains.GetGrain<ICounterGrain>("c2").Add(1);

        Assert.Equal(4, await silo.Grains.GetGrain<ICounterGrain>("c2").Get());
    }

    [Fact]
    public async Task A_retry_after_the_silo_restarted_still_has_no_second_effect()
    {
        var store = new InMemoryStore();
        var options = new CallOptions { IdempotencyKey = "retry-after-restart" };
        await using (var first = await TestSilo.StartAsync(Shared(store)))
        {
            Assert.Equal(3, await first.Grains.GetGrain<ICounterGrain>("c3", options).Add(3));
        }

        await using var second = await TestSilo.StartAsync(Shared(store));
        Assert.Equal(3, await second.Grains.GetGrain<ICounterGrain>("c3", options).Add(3));
        Assert.Equal(3, await second.Grains.GetGrain<ICounterGrain>("c3").Get());
    }

    [Fact]
    public async Task A_call_that_changed_state_and_then_failed_replays_the_same_failure_on_retry()
    {
        await using var silo = await TestSilo.StartAsync();
        var keyed = silo.Grains.GetGrain<ICounterGrain>("c4", new CallOptions { IdempotencyKey = "half-done" });

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => keyed.AddThenFail(2));
        var retry = await Assert.ThrowsAsync<InvalidOperationException>(() => keyed.AddThenFail(2));

        Assert.Equal("failed after adding 2", first.Message);
        Assert.Equal(first.Message, retry.Message);
        Assert.Equal(2, await silo.Grains.GetGrain<ICounterGrain>("c4").Get());
    }

    [Fact]
    public async Task Reusing_a_key_for_another_method_is_refused()
    {
        await using var silo = await TestSilo.StartAsync();
        var keyed = silo.Grains.GetGrain<ICounterGrain>("c5", new CallOptions { IdempotencyKey = "same-key" });
        await keyed.Add(1);

        var error = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => keyed.Reset());

        Assert.Equal("Idempotency key 'same-key' was already used on counter/c5 for ICounterGrain.Add; it cannot be reused for ICounterGrain.Reset.", error.Message);
        Assert.Equal(1, await silo.Grains.GetGrain<ICounterGrain>("c5").Get());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_apply_the_effect_once()
    {
        await using var silo = await TestSilo.StartAsync();
        var keyed = silo.Grains.GetGrain<ICounterGrain>("c6", new CallOptions { IdempotencyKey = "burst" });

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => keyed.Add(10))).Within();

        Assert.All(results, r => Assert.Equal(10, r));
        Assert.Equal(10, await silo.Grains.GetGrain<ICounterGrain>("c6").Get());
    }

    internal static Action<PolicingHub.Runtime.Hosting.IRuntimeBuilder> Shared(InMemoryStore store) => builder =>
    {
        builder.Services.AddSingleton(store);
        PolicingHub.Runtime.Hosting.StoreRuntimeBuilderExtensions.UseInMemoryStore(builder);
    };
}
