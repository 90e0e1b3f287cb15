using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PolicingHub.Benchmarks.Feed.Plan;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Benchmarks.Feed.Worker;

/// <summary>
/// `worker PLANFILE`: a client process holding the consoles listed in its plan file, driven line by line on standard
/// input; it answers each command with one line on standard output.
/// <list type="bullet">
/// <item><c>connect URL real|bare partner|coordinator|all</c> → <c>connected OK FAILED</c>: opens those consoles
/// (WebSockets only, 16 at a time); on the real hub each calls Subscribe(long.MaxValue): live from now on.</item>
/// <item><c>slow on|off</c> → <c>slow on|off</c>: the slow consoles' handler waits <c>SLOWMS</c> per event (or stops).</item>
/// <item><c>dump FILE</c> → <c>dumped COUNT CLOSED</c>: writes and forgets every receipt so far.</item>
/// <item><c>disconnect partner|coordinator|all</c> → <c>disconnected</c>; <c>quit</c> (or end of input) exits.</item>
/// </list>
/// </summary>
internal static class ConsoleWorker
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string planFile, int slowMilliseconds)
    {
        var consoles = File.ReadAllLines(planFile).Where(l => l.Length > 0).Select(ConsoleSpec.FromLine).ToList();
        var receipts = new ConcurrentQueue<Receipt>();
        var open = new ConcurrentDictionary<int, HubConnection>();
        var closedByServer = 0;
        var slow = false;
        var slowRelease = new CancellationTokenSource();
        string? line;
        while ((line = await Console.In.ReadLineAsync()) is not null)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["connect", var url, var kind, var which]:
                    var (ok, failed) = await ConnectAsync(consoles.Where(c => Selected(c, which)).ToList(), url, kind == "real");
                    Console.WriteLine($"connected {ok} {failed}");
                    break;
                case ["slow", var mode]:
                    slow = mode == "on";
                    if (!slow)
                    {
                        await slowRelease.CancelAsync();
                        slowRelease = new CancellationTokenSource();
                    }
                    Console.WriteLine($"slow {mode}");
                    break;
                case ["dump", var file]:
                    var lines = new List<string>(receipts.Count);
                    while (receipts.TryDequeue(out var receipt))
                    {
                        lines.Add(receipt.ToLine());
                    }
                    await File.WriteAllLinesAsync(file, lines);
                    Console.WriteLine($"dumped {lines.Count} {Interlocked.Exchange(ref closedByServer, 0)}");
                    break;
                case ["disconnect", var which]:
                    var leaving = consoles.Where(c => Selected(c, which)).Select(c => open.TryRemove(c.Index, out var h) ? h : null).OfType<HubConnection>().ToList();
                    await Parallel.ForEachAsync(leaving, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (h, _) =>
                    {
                        try
                        {
                            await h.DisposeAsync().AsTask().WaitAsync(ConnectLimit);
                        }
                        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                        {
                        }
                    });
                    Console.WriteLine("disconnected");
                    break;
                case ["quit"]:
                    return 0;
                default:
                    Console.Error.WriteLine($"worker: unknown command '{line}'");
                    Console.WriteLine("error");
                    break;
            }
        }
        return 0;

        async Task<(int Ok, int Failed)> ConnectAsync(List<ConsoleSpec> specs, string url, bool real)
        {
            var ok = 0;
            var failed = 0;
            await Parallel.ForEachAsync(specs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (spec, _) =>
            {
                var address = real ? url : $"{url}?group={Uri.EscapeDataString(spec.Group)}";
                var connection = new HubConnectionBuilder()
                    .WithUrl(address, HttpTransportType.WebSockets, o =>
                    {
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(spec.Token);
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromSeconds(60);
                connection.On<FeedEventHeader>(ConsoleHubProtocol.EventMethod, async e =>
                {
                    receipts.Enqueue(new Receipt(spec.Index, e.Stream, e.Sequence, e.Type, Stopwatch.GetTimestamp()));
                    if (spec.Slow && slow)
                    {
                        var release = slowRelease.Token;
                        try
                        {
                            await Task.Delay(slowMilliseconds < 0 ? Timeout.Infinite : slowMilliseconds, release);
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }
                });
                connection.On<string>(ConsoleHubProtocol.ClosedMethod, _ => Interlocked.Increment(ref closedByServer));
                try
                {
                    using var limit = new CancellationTokenSource(ConnectLimit);
                    await connection.StartAsync(limit.Token);
                    if (real)
                    {
                        await connection.InvokeAsync<long>(ConsoleHubProtocol.SubscribeMethod, long.MaxValue, limit.Token);
                    }
                    open[spec.Index] = connection;
                    Interlocked.Increment(ref ok);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                    Console.Error.WriteLine($"worker: console {spec.Index} did not connect: {e.GetType().Name} {e.Message}");
                    await connection.DisposeAsync();
                }
            });
            return (ok, failed);
        }
    }

    private static bool Selected(ConsoleSpec console, string which) => which switch
    {
        "partner" => !console.Coordinator,
        "coordinator" => console.Coordinator,
        _ => true,
    };
}
