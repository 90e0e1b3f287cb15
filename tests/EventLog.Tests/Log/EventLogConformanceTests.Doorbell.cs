using System.Threading.Channels;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The doorbell: rung after each commit with a committed position; it only wakes readers.</summary>
public abstract partial class EventLogConformanceTests
{
    [Fact]
    public async Task The_doorbell_rings_after_a_commit_with_the_appended_position()
    {
        var rung = Channel.CreateUnbounded<long>();
        using var subscription = Doorbell.Subscribe(p => rung.Writer.TryWrite(p));

        var result = await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));

        Assert.Equal(2, result.LastPosition);
        Assert.Equal(2, await rung.Reader.ReadAsync().AsTask().Within());
        Assert.Single(await Log.ReadAsync(1, 10));
    }

    [Fact]
    public async Task A_conflict_does_not_ring_the_doorbell()
    {
        var rung = Channel.CreateUnbounded<long>();
        using var subscription = Doorbell.Subscribe(p => rung.Writer.TryWrite(p));
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));
        Assert.Equal(1, await rung.Reader.ReadAsync().AsTask().Within());

        Assert.False((await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"))).Succeeded);
        await Log.AppendAsync("task/T-2", 0, Events("TaskAssigned"));

        Assert.Equal(2, await rung.Reader.ReadAsync().AsTask().Within());
    }

    [Fact]
    public async Task A_disposed_subscription_is_not_rung_and_a_failing_subscriber_does_not_silence_the_others()
    {
        var disposedRings = 0;
        var rung = Channel.CreateUnbounded<long>();
        var gone = Doorbell.Subscribe(_ => Interlocked.Increment(ref disposedRings));
        using var failing = Doorbell.Subscribe(_ => throw new InvalidOperationException("a broken reader"));
        using var listening = Doorbell.Subscribe(p => rung.Writer.TryWrite(p));
        gone.Dispose();
        gone.Dispose();

        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));
        await Log.AppendAsync("task/T-1", 1, Events("TaskAcknowledged"));

        Assert.Equal(1, await rung.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(2, await rung.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(0, Volatile.Read(ref disposedRings));
    }
}
