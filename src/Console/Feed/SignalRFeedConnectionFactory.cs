using Microsoft.AspNetCore.SignalR.Client;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Feed;

/// <summary>The SignalR .NET client (WebSockets in the browser, token as access_token) on /hubs/console.</summary>
public sealed class SignalRFeedConnectionFactory(HubAddress hub) : IFeedConnectionFactory
{
    public IFeedConnection Create(string token, Action<FeedEvent> received)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub.BaseAddress, ConsoleHubProtocol.Path.TrimStart('/')), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        // No automatic reconnect here: LiveFeed owns retrying, so every new connection resubscribes from its position.
        connection.On<FeedEvent>(ConsoleHubProtocol.EventMethod, received);
        return new SignalRFeedConnection(connection);
    }

    private sealed class SignalRFeedConnection : IFeedConnection
    {
        private readonly HubConnection _connection;
        private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _reason;

        public SignalRFeedConnection(HubConnection connection)
        {
            _connection = connection;
            _connection.On<string>(ConsoleHubProtocol.ClosedMethod, reason => Volatile.Write(ref _reason, reason));
            _connection.Closed += _ =>
            {
                _closed.TrySetResult(Volatile.Read(ref _reason));
                return Task.CompletedTask;
            };
        }

        public Task<string?> Closed => _closed.Task;

        public Task StartAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);

        public Task<long> SubscribeAsync(long afterPosition, CancellationToken cancellationToken) =>
            _connection.InvokeAsync<long>(ConsoleHubProtocol.SubscribeMethod, afterPosition, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            _closed.TrySetResult(null);
            await _connection.DisposeAsync();
        }
    }
}
