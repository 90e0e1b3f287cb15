using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>
/// A <see cref="ConsoleFeed"/> over src/EventLog's in-memory log and its doorbell (no host), delivering to a recording
/// sender. The clock (the log's stamps and the feed's safety tick) is fake.
/// </summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    private FeedHarness(ConsoleFeedOptions options)
    {
        Log = new ScriptedEventLog(Time);
        Feed = new ConsoleFeed(Log, Log, Index, Sender, Options.Create(options), Time, NullLogger<ConsoleFeed>.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public ScriptedEventLog Log { get; }

    public EntitlementIndex Index { get; } = new();

    public RecordingSender Sender { get; } = new();

    public ConsoleFeed Feed { get; }

    public static async Task<FeedHarness> StartAsync(ConsoleFeedOptions? options = null, Func<FeedHarness, Task>? before = null)
    {
        var harness = new FeedHarness(options ?? new ConsoleFeedOptions { PageSize = 7 });
        if (before is not null)
        {
            await before(harness);
        }
        await harness.Feed.StartAsync(CancellationToken.None);
        await harness.Feed.Ready.Within();
        return harness;
    }

    /// <summary>Commits an event; the log rings its doorbell, as after a grain's append.</summary>
    public Task<EventEnvelope> Commit(SampleEvent sample) => Log.AppendAsync(sample, ring: true);

    /// <summary>Commits an event whose doorbell ring is lost: only a read of the log (safety tick) finds it.</summary>
    public Task<EventEnvelope> CommitSilently(SampleEvent sample) => Log.AppendAsync(sample, ring: false);

    /// <summary>A connected console; aborting it (as SignalR would on a drop) is recorded.</summary>
    public TestConsole Connect(string id, Actor? actor)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Feed.Connect(id, actor, () => aborted.TrySetResult());
        return new TestConsole(this, id, aborted.Task);
    }

    public async ValueTask DisposeAsync()
    {
        await Feed.StopAsync(CancellationToken.None);
        Feed.Dispose();
    }

    internal sealed record TestConsole(FeedHarness Harness, string Id, Task Aborted)
    {
        public Task<long> SubscribeAsync(long afterPosition) => Harness.Feed.SubscribeAsync(Id, afterPosition, CancellationToken.None);

        public Task<IReadOnlyList<long>> Received(int count) => Harness.Sender.WaitForAsync(Id, count);

        public IReadOnlyList<long> ReceivedSoFar => Harness.Sender.PositionsOf(Id);
    }
}
