using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// One more coordinator console, in the driver and not counted: it keeps the exact JSON of every event the real hub
/// sends (the bare hub broadcasts those same payloads) and tells when the feed has been quiet for a while (after the
/// consoles' connections have published their agencies' presence).
/// </summary>
internal sealed class Observer : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _lastAt = Stopwatch.GetTimestamp();

    private Observer(HubConnection connection) => _connection = connection;

    public ConcurrentDictionary<(string Stream, string Type), string> Payloads { get; } = new();

    public static async Task<Observer> StartAsync(string url, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var observer = new Observer(connection);
        connection.On<JsonElement>(ConsoleHubProtocol.EventMethod, e =>
        {
            var key = (e.GetProperty("stream").GetString()!, e.GetProperty("type").GetString()!);
            observer.Payloads[key] = e.GetRawText();
            Volatile.Write(ref observer._lastAt, Stopwatch.GetTimestamp());
        });
        await connection.StartAsync();
        await connection.InvokeAsync<long>(ConsoleHubProtocol.SubscribeMethod, long.MaxValue);
        return observer;
    }

    /// <summary>Returns once no event has arrived for <paramref name="quiet"/>, or after <paramref name="limit"/>.</summary>
    public async Task QuietAsync(TimeSpan quiet, TimeSpan limit)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastAt)) < quiet)
        {
            await Task.Delay(100); // polling the last arrival time, bounded by limit
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
