using PolicingHub.Runtime.Tests.Grains;
using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Activation;

public sealed class TurnBasedTests
{
    [Fact]
    public async Task Calls_from_100_concurrent_callers_run_one_at_a_time_in_each_callers_order()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISequenceGrain>("s1");
        const int callers = 100, perCaller = 20;

        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var n = 0; n < perCaller; n++)
            {
                await grain.Append(caller, n);
            }
        }))).Within();

        var entries = await grain.Entries();
        Assert.Equal(callers * perCaller, entries.Length);
        Assert.False(await grain.SawOverlap());
        foreach (var group in entries.GroupBy(e => e.Caller))
        {
            Assert.Equal(Enumerable.Range(0, perCaller), group.Select(e => e.Number));
        }
    }

    [Fact]
    public async Task Calls_sent_without_waiting_are_served_in_arrival_order()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISequenceGrain>("s2");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(n => grain.Append(0, n))).Within();

        Assert.Equal(Enumerable.Range(0, 200), (await grain.Entries()).Select(e => e.Number));
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IGateGrain>("g1");

        var first = grain.ReadBehindGate();
        var second = grain.ReadBehindGate();
        // Both reads are inside the grain at once: the second did not wait for the first.
        await silo.Probe.WhenNoted("read-entered:g1").Within();
        await silo.Probe.WhenNoted("read-entered:g1", 2).Within();
        Assert.False(first.IsCompleted);

        silo.Probe.Gate.SetResult();
        await Task.WhenAll(first, second).Within();
    }

    [Fact]
    public async Task A_write_waits_for_running_reads_and_later_reads_wait_for_the_write()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IGateGrain>("g2");

        var read = grain.ReadBehindGate();
        await silo.Probe.WhenNoted("read-entered:g2").Within();
        var write = grain.WriteBehindGate();
        var laterRead = grain.ReadBehindGate();

        Assert.Equal(0, silo.Probe.Count("write-entered:g2"));
        Assert.Equal(1, silo.Probe.Count("read-entered:g2"));

        silo.Probe.Gate.SetResult();
        await Task.WhenAll(read, write, laterRead).Within();
        var order = silo.Probe.Notes.Where(n => n.EndsWith(":g2", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["read-entered:g2", "write-entered:g2", "read-entered:g2"], order);
    }

    [Fact]
    public async Task A_call_chain_that_comes_back_to_a_busy_grain_reenters_instead_of_deadlocking()
    {
        await using var silo = await TestSilo.StartAsync();

        var answer = await silo.Grains.GetGrain<IPingGrain>("a").CallVia("b").Within();

        Assert.Equal("b -> pong from a", answer);
    }

    [Fact]
    public async Task A_grain_calling_itself_reenters()
    {
        await using var silo = await TestSilo.StartAsync();

        var answer = await silo.Grains.GetGrain<IPingGrain>("self").CallVia("self").Within();

        Assert.Equal("self -> pong from self", answer);
    }
}
