using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Persistence;

public sealed class EventLogTests
{
    public static TheoryData<string> Stores => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Events_from_concurrent_grains_get_gapless_positions_and_per_stream_sequences(string storeName)
    {
        using var db = new TempDatabase();
        await using var silo = await TestSilo.StartAsync(storeName == "sqlite" ? db.Store : null);
        var notified = new ConcurrentBag<long>();
        using var subscription = silo.Services.GetRequiredService<IEventBus>().Subscribe(batch =>
        {
            foreach (var e in batch)
            {
                notified.Add(e.Position);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(g => Task.Run(async () =>
        {
            var counter = silo.Grains.GetGrain<ICounterGrain>($"g{g}");
            for (var i = 0; i < 10; i++)
            {
                await counter.Add(1);
            }
        }))).Within();

        var log = silo.Services.GetRequiredService<IEventLog>();
        var all = await log.ReadAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), all.Select(e => e.Position));
        Assert.Equal(100, await log.GetLastPositionAsync());
        foreach (var stream in all.GroupBy(e => e.Stream))
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), stream.Select(e => e.Sequence));
            Assert.Equal(Enumerable.Range(1, 10), stream.Select(e => e.Data.GetProperty("value").GetInt32()));
        }
        Assert.All(all, e => Assert.Equal("counter.incremented", e.Type));
        Assert.Equal(all.Select(e => e.Position).Order(), notified.Order());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Reading_from_a_position_returns_the_following_events_without_gaps_or_repeats(string storeName)
    {
        using var db = new TempDatabase();
        await using var silo = await TestSilo.StartAsync(storeName == "sqlite" ? db.Store : null);
        for (var i = 0; i < 60; i++)
        {
            await silo.Grains.GetGrain<ICounterGrain>($"r{i % 3}").Add(1);
        }
        var log = silo.Services.GetRequiredService<IEventLog>();

        var page = await log.ReadAsync(37, 20);
        var rest = await log.ReadAsync(page[^1].Position, 1000);

        Assert.Equal(Enumerable.Range(38, 20).Select(i => (long)i), page.Select(e => e.Position));
        Assert.Equal(Enumerable.Range(58, 3).Select(i => (long)i), rest.Select(e => e.Position));
        Assert.Empty(await log.ReadAsync(60, 10));
    }
}
