using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Storage.InMemory;
using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Invocation;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Persistence;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task State_written_before_a_restart_is_read_back_on_the_same_sqlite_file()
    {
        using var db = new TempDatabase();
        await using (var first = await TestSilo.StartAsync(db.Store))
        {
            await first.Grains.GetGrain<ICounterGrain>("persisted").Add(7);
        }

        await using var second = await TestSilo.StartAsync(db.Store);
        Assert.Equal(7, await second.Grains.GetGrain<ICounterGrain>("persisted").Get());
        Assert.Equal("1", await second.Grains.GetGrain<ICounterGrain>("persisted").ETag());
    }

    [Fact]
    public async Task A_stale_duplicate_activation_cannot_overwrite_newer_state_and_deactivates_instead()
    {
        var store = new InMemoryStore();
        await using var siloA = await TestSilo.StartAsync(IdempotencyTests.Shared(store));
        await using var siloB = await TestSilo.StartAsync(IdempotencyTests.Shared(store));
        var onA = siloA.Grains.GetGrain<ICounterGrain>("contested");
        var onB = siloB.Grains.GetGrain<ICounterGrain>("contested");
        Assert.Equal(0, await onA.Get());
        Assert.Equal(0, await onB.Get()); // both activations read ETag "none"

        Assert.Equal(1, await onA.Add(1));
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => onB.Add(1));

        Assert.Contains("counter/contested", conflict.Message);
        Assert.Equal(2, await onB.Add(1)); // a fresh activation re-read A's write: nothing was lost
        Assert.Equal(2, await siloA.Services.GetRequiredService<IEventLog>().GetLastPositionAsync());
        var events = await siloA.Services.GetRequiredService<IEventLog>().ReadStreamAsync("counter/contested", 0, 10);
        Assert.Equal([1, 2], events.Select(e => e.Data.GetProperty("value").GetInt32()));
    }

    [Fact]
    public async Task A_write_refused_for_a_stale_etag_leaves_neither_state_nor_events()
    {
        var store = new InMemoryStore();
        await using var siloA = await TestSilo.StartAsync(IdempotencyTests.Shared(store));
        await using var siloB = await TestSilo.StartAsync(IdempotencyTests.Shared(store));
        await siloA.Grains.GetGrain<ICounterGrain>("outbox").Add(10);
        var staleOnB = siloB.Grains.GetGrain<ICounterGrain>("outbox");
        await staleOnB.Get();
        await siloA.Grains.GetGrain<ICounterGrain>("outbox").Add(10);

        await Assert.ThrowsAsync<InconsistentStateException>(() => staleOnB.Add(1000));

        var log = siloA.Services.GetRequiredService<IEventLog>();
        var events = await log.ReadStreamAsync("counter/outbox", 0, 10);
        Assert.Equal([10, 20], events.Select(e => e.Data.GetProperty("value").GetInt32()));
        Assert.Equal(20, await siloB.Grains.GetGrain<ICounterGrain>("outbox").Get());
    }

    [Fact]
    public async Task Clearing_state_resets_it_to_the_default()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("cleared");
        await grain.Add(4);

        await grain.Reset();

        Assert.Equal(0, await grain.Get());
        Assert.Equal(1, await grain.Add(1));
    }
}
