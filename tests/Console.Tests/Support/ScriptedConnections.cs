using PolicingHub.Console.Feed;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Tests.Support;

/// <summary>
/// Feed connections a test drives by hand: each records the position it subscribed after; the test delivers events,
/// closes it (the server went away) or makes the next start fail.
/// </summary>
public sealed class ScriptedConnections : IFeedConnectionFactory
{
    private readonly List<Connection> _created = [];

    public IReadOnlyList<Connection> Created => _created;

    /// <summary>How many upcoming starts fail as if the hub were down.</summary>
    public int FailNextStarts { get; set; }

    public IFeedConnection Create(string token, Action<FeedEvent> received)
    {
        var connection = new Connection(this, received);
        _created.Add(connection);
        return connection;
    }

    public sealed class Connection(ScriptedConnections owner, Action<FeedEvent> received) : IFeedConnection
    {
        private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long? SubscribedAfter { get; private set; }

        public Task<string?> Closed => _closed.Task;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (owner.FailNextStarts > 0)
            {
                owner.FailNextStarts--;
                throw new HttpRequestException("connection refused");
            }
            return Task.CompletedTask;
        }

        public Task<long> SubscribeAsync(long afterPosition, CancellationToken cancellationToken)
        {
            SubscribedAfter = afterPosition;
            return Task.FromResult(afterPosition);
        }

        public void Deliver(FeedEvent e) => received(e);

        /// <summary>The server drops the connection, after telling the client why ("feed-closed") when <paramref name="reason"/> is given.</summary>
        public void Close(string? reason = null) => _closed.TrySetResult(reason);

        public ValueTask DisposeAsync()
        {
            _closed.TrySetResult(null);
            return ValueTask.CompletedTask;
        }
    }
}
