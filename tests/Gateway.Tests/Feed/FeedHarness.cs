using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Feed;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>A <see cref="ConsoleFeed"/> over an in-memory log and doorbell, delivering to a recording sender. The clock is fake.</summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    private FeedHarness(ConsoleFeedOptions options)
    {
        Feed = new ConsoleFeed(Log, Log, Index, Sender, Options.Create(options), Time, NullLogger<ConsoleFeed>.Instance);
    }

    public DomainEvents Events { get; } = new();

    public MemoryEventLog Log { get; } = new();

    public EntitlementIndex Index { get; } = new();

    public RecordingSender Sender { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public ConsoleFeed Feed { get; }

    public static async Task<FeedHarness> StartAsync(ConsoleFeedOptions? options = null, Action<FeedHarness>? before = null)
    {
        var harness = new FeedHarness(options ?? new ConsoleFeedOptions { PageSize = 7 });
        before?.Invoke(harness);
        await harness.Feed.StartAsync(CancellationToken.None);
        await harness.Feed.Ready.Within();
        return harness;
    }

    /// <summary>Commits an event and rings the doorbell, as a grain write does.</summary>
    public EventEnvelope Commit(EventEnvelope envelope)
    {
        Log.Append(envelope, ring: true);
        return envelope;
    }

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
