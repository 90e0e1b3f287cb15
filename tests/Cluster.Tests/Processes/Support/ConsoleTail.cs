using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace PolicingHub.Cluster.Tests.Processes.Support;

/// <summary>A console on one silo (SignalR over a real WebSocket, the token as access_token): every "event" in arrival order.</summary>
public sealed class ConsoleTail : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<JsonElement> _events = [];

    private ConsoleTail(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("event", e =>
        {
            lock (_events)
            {
                _events.Add(e.Clone());
            }
        });
    }

    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Connects to <paramref name="silo"/>'s /hubs/console and subscribes from the start of the log.</summary>
    public static async Task<ConsoleTail> ConnectAsync(Uri silo, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var tail = new ConsoleTail(connection);
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await connection.InvokeAsync<long>("Subscribe", 0L).WaitAsync(TimeSpan.FromSeconds(30));
        return tail;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
