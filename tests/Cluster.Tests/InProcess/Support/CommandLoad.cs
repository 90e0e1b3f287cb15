using System.Collections.Concurrent;
using System.Diagnostics;

namespace PolicingHub.Cluster.Tests.InProcess.Support;

/// <summary>
/// Callers sending commands in a loop, bounded in count and time, each to its own agencies so every command changes
/// something: what was acknowledged (by key), what failed (and why), and when each agency last answered.
/// </summary>
public sealed class CommandLoad
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _callers = [];

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Starts <paramref name="codes"/>.Length callers; caller i toggles agency i's readiness through <paramref name="send"/> with a fresh key each time.</summary>
    public static CommandLoad Start(IReadOnlyList<string> codes, Func<string, string, int, Task> send, int maxPerCaller, TimeSpan maxTime)
    {
        var load = new CommandLoad();
        load._stop.CancelAfter(maxTime);
        foreach (var code in codes)
        {
            load._callers.Add(Task.Run(async () =>
            {
                for (var n = 1; n <= maxPerCaller && !load._stop.IsCancellationRequested; n++)
                {
                    var key = $"{code}-{n}";
                    try
                    {
                        await send(code, key, n);
                        load.Acknowledged.Enqueue(key);
                    }
                    catch (Exception e)
                    {
                        load.Failures.Enqueue($"{key}: {e.GetType().Name} {e.Message}");
                    }
                }
            }));
        }
        return load;
    }

    /// <summary>Completes once <paramref name="count"/> more commands have been acknowledged (bounded by <paramref name="limit"/>).</summary>
    public Task Progress(int count, TimeSpan limit)
    {
        var target = Acknowledged.Count + count;
        return Eventually.Until(() => Task.FromResult(Acknowledged.Count >= target || _callers.All(c => c.IsCompleted)),
            $"{count} more commands acknowledged", limit);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_callers).WaitAsync(TimeSpan.FromSeconds(60));
    }

    public static Stopwatch Clock() => Stopwatch.StartNew();
}
