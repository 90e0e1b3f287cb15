using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>
/// A .NET console over a real WebSocket to the in-process host (SignalR.Client.Core with a WebSocket connection
/// factory, as in DESIGN.md §2 — the full client package does not restore). Records every "event" in arrival order.
/// </summary>
internal sealed class ConsoleClient : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<EventEnvelope> _events = [];
    private readonly List<JsonElement> _raw = [];
    private readonly List<(Func<IReadOnlyList<EventEnvelope>, bool> Done, TaskCompletionSource Signal)> _waiters = [];

    private ConsoleClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("event", OnEvent);
        connection.Closed += error =>
        {
            ClosedWith.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public TaskCompletionSource<Exception?> ClosedWith { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<EventEnvelope> Events
    {
        get { lock (_lock) { return [.. _events]; } }
    }

    /// <summary>Each "event" exactly as it came over the wire.</summary>
    public IReadOnlyList<JsonElement> RawEvents
    {
        get { lock (_lock) { return [.. _raw]; } }
    }

    public long[] Positions => [.. Events.Select(e => e.Position)];

    public long LastPosition => Events.LastOrDefault()?.Position ?? 0;

    /// <summary>A connection to /hubs/console carrying <paramref name="token"/> as access_token (none when null); not started.</summary>
    public static ConsoleClient Create(TestServer server, string? token)
    {
        var query = token is null ? string.Empty : "?access_token=" + Uri.EscapeDataString(token);
        var uri = new Uri(server.BaseAddress, "hubs/console" + query);
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(new WebSocketConnectionFactory((u, ct) => server.CreateWebSocketClient().ConnectAsync(u, ct)));
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(uri));
        return new ConsoleClient(builder.Build());
    }

    /// <summary>Connects and subscribes after <paramref name="afterPosition"/>; returns the position the server resumed from.</summary>
    public static async Task<(ConsoleClient Client, long ResumedFrom)> ConnectAsync(TestServer server, string token, long afterPosition = 0)
    {
        var client = Create(server, token);
        await client.Connection.StartAsync().Within();
        var resumedFrom = await client.SubscribeAsync(afterPosition);
        return (client, resumedFrom);
    }

    public Task<long> SubscribeAsync(long afterPosition) => Connection.InvokeAsync<long>("Subscribe", afterPosition).Within();

    /// <summary>Completes with every event received once <paramref name="done"/> holds for them.</summary>
    public async Task<IReadOnlyList<EventEnvelope>> WaitUntilAsync(Func<IReadOnlyList<EventEnvelope>, bool> done)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (done(_events))
            {
                return [.. _events];
            }
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
        }
        await signal.Task.Within();
        return Events;
    }

    public Task<IReadOnlyList<EventEnvelope>> WaitForCountAsync(int count) => WaitUntilAsync(events => events.Count >= count);

    public Task<IReadOnlyList<EventEnvelope>> WaitForPositionAsync(long position) => WaitUntilAsync(events => events.Count > 0 && events[^1].Position >= position);

    public async Task<EventEnvelope> WaitForAsync(Func<EventEnvelope, bool> match) =>
        (await WaitUntilAsync(events => events.Any(match))).First(match);

    private void OnEvent(JsonElement raw)
    {
        raw = raw.Clone();
        var envelope = raw.Deserialize<EventEnvelope>(Json) ?? throw new InvalidOperationException("An empty event arrived.");
        lock (_lock)
        {
            _raw.Add(raw);
            _events.Add(envelope);
            foreach (var waiter in _waiters.Where(w => w.Done(_events)).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.StopAsync().Within();
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }

    /// <summary>The SignalR client transport: a WebSocket bridged to a duplex pipe (replaces Http.Connections.Client).</summary>
    private sealed class WebSocketConnectionFactory(Func<Uri, CancellationToken, Task<WebSocket>> connect) : IConnectionFactory
    {
        public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
        {
            var socket = await connect(((UriEndPoint)endpoint).Uri, cancellationToken);
            var toApplication = new Pipe();
            var fromApplication = new Pipe();
            var connection = new WebSocketConnection(socket, new DuplexPipe(toApplication.Reader, fromApplication.Writer));
            connection.Pump = Task.WhenAll(ReceiveAsync(socket, toApplication.Writer), SendAsync(socket, fromApplication.Reader));
            return connection;
        }

        private static async Task ReceiveAsync(WebSocket socket, PipeWriter writer)
        {
            try
            {
                while (true)
                {
                    var memory = writer.GetMemory(4096);
                    var result = await socket.ReceiveAsync(memory, default);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                    writer.Advance(result.Count);
                    if (result.EndOfMessage)
                    {
                        await writer.FlushAsync();
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
            finally
            {
                await writer.CompleteAsync();
            }
        }

        private static async Task SendAsync(WebSocket socket, PipeReader reader)
        {
            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync();
                    foreach (var segment in result.Buffer)
                    {
                        await socket.SendAsync(segment, WebSocketMessageType.Text, true, default);
                    }
                    reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, default);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
            finally
            {
                await reader.CompleteAsync();
            }
        }

        private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input => input;

            public PipeWriter Output => output;
        }

        private sealed class WebSocketConnection(WebSocket socket, IDuplexPipe transport) : ConnectionContext
        {
            public Task Pump { get; set; } = Task.CompletedTask;

            public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

            public override IFeatureCollection Features { get; } = new FeatureCollection();

            public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

            public override IDuplexPipe Transport { get; set; } = transport;

            public override async ValueTask DisposeAsync()
            {
                await Transport.Output.CompleteAsync();
                try
                {
                    await Pump.WaitAsync(TimeSpan.FromSeconds(2));
                }
                catch (TimeoutException)
                {
                }
                socket.Dispose();
            }
        }
    }
}
