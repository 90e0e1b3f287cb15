using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace PolicingHub.Testing;

/// <summary>
/// REST load on a silo, bounded in count and time: one caller per agency, each toggling its agency's readiness
/// (PUT /api/agencies/{code}/readiness, Normal ↔ Elevated) with a fresh Idempotency-Key, one command at a time — so
/// every command changes something and the agency's final readiness must be the last one acknowledged. Records when
/// each command started and ended, and every failure a user would have seen (any non-2xx answer, or no answer).
/// </summary>
public sealed class ReadinessLoad
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _callers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> _lastAcknowledged = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Agency, TimeSpan Started, TimeSpan Ended)> Completed { get; } = new();

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Now, on the load's clock.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Acknowledged => Completed.Count;

    /// <summary>The last step acknowledged for each agency (its caller sends steps 1, 2, 3, … one at a time).</summary>
    public IReadOnlyDictionary<string, int> Steps => _lastAcknowledged.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The readiness a step sets: odd steps Elevated, even steps Normal.</summary>
    public static string ReadinessOf(int step) => Readiness(step);

    /// <summary>The readiness of the last command acknowledged for each agency.</summary>
    public IReadOnlyDictionary<string, string> LastAcknowledged => _lastAcknowledged.ToDictionary(p => p.Key, p => Readiness(p.Value));

    public static ReadinessLoad Start(Func<HttpClient> client, IReadOnlyList<string> agencies, int maxPerCaller, TimeSpan maxTime)
    {
        var load = new ReadinessLoad();
        load._stop.CancelAfter(maxTime);
        foreach (var agency in agencies)
        {
            load._callers.Add(Task.Run(async () =>
            {
                using var http = client();
                http.Timeout = TimeSpan.FromSeconds(120);
                var run = Guid.NewGuid().ToString("N")[..8];
                for (var n = 1; n <= maxPerCaller && !load._stop.IsCancellationRequested; n++)
                {
                    var started = load.Now;
                    using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/agencies/{agency}/readiness")
                    {
                        Content = JsonContent.Create(new { readiness = Readiness(n), reason = $"load step {n}" }),
                    };
                    request.Headers.Add("Idempotency-Key", $"load-{run}-{n}");
                    try
                    {
                        using var response = await http.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            load._lastAcknowledged[agency] = n;
                            load.Completed.Enqueue((agency, started, load.Now));
                            continue;
                        }
                        load.Failures.Enqueue($"{agency} #{n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        load.Failures.Enqueue($"{agency} #{n}: {e.GetType().Name} {e.Message}");
                    }
                }
            }));
        }
        return load;
    }

    /// <summary>Completes once <paramref name="count"/> more commands have been acknowledged, or every caller has finished (bounded by <paramref name="limit"/>).</summary>
    public Task Progress(int count, TimeSpan limit)
    {
        var target = Acknowledged + count;
        return Eventually.Until(() => Task.FromResult(Acknowledged >= target || _callers.All(c => c.IsCompleted)),
            $"{count} more commands acknowledged", limit);
    }

    /// <summary>
    /// How long after <paramref name="since"/> every one of <paramref name="agencies"/> had a command that was sent
    /// after it acknowledged (null when one never did): the time until they were all served again.
    /// </summary>
    public TimeSpan? ServedAgainAfter(IEnumerable<string> agencies, TimeSpan since)
    {
        var done = Completed.ToArray();
        TimeSpan? worst = TimeSpan.Zero;
        foreach (var agency in agencies)
        {
            var first = done.Where(c => c.Agency == agency && c.Started >= since).Select(c => (TimeSpan?)c.Ended).Min();
            worst = first is null || worst is null ? null : TimeSpan.FromTicks(Math.Max(worst.Value.Ticks, (first.Value - since).Ticks));
        }
        return worst;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_callers).WaitAsync(TimeSpan.FromSeconds(150));
    }

    private static string Readiness(int n) => n % 2 == 0 ? "Normal" : "Elevated";
}
