using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// <c>--profile</c>: an outgoing grain call filter in the silo that times every grain call made in the process (the
/// gateway's call to the task grain, the task grain's calls to its agreement, Orleans' reminder service), from the call
/// to its result: queueing, activation and the callee's awaits included.
/// </summary>
internal sealed class GrainCallTimer : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, Timings> _calls = new(StringComparer.Ordinal);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            var name = $"{Short(context.InterfaceName)}.{context.MethodName}";
            _calls.GetOrAdd(name, static _ => new Timings()).Add(elapsed);
        }
    }

    /// <summary>Counts and summed time per call name since the last call, then starts again.</summary>
    public IReadOnlyList<(string Call, long Count, double MeanMillis, double P99Millis)> TakeAndReset()
    {
        var taken = new List<(string, long, double, double)>();
        foreach (var (name, timings) in _calls)
        {
            var (count, mean, p99) = timings.TakeAndReset();
            if (count > 0)
            {
                taken.Add((name, count, mean, p99));
            }
        }
        return [.. taken.OrderByDescending(t => t.Item2)];
    }

    private static string Short(string name) => name[(name.LastIndexOf('.') + 1)..];

    private sealed class Timings
    {
        private readonly Lock _lock = new();
        private List<long> _ticks = new(1024);

        public void Add(long ticks)
        {
            lock (_lock)
            {
                _ticks.Add(ticks);
            }
        }

        public (long Count, double MeanMillis, double P99Millis) TakeAndReset()
        {
            List<long> ticks;
            lock (_lock)
            {
                ticks = _ticks;
                _ticks = new List<long>(1024);
            }
            if (ticks.Count == 0)
            {
                return (0, 0, 0);
            }
            ticks.Sort();
            var toMillis = 1000.0 / Stopwatch.Frequency;
            return (ticks.Count, ticks.Average() * toMillis, ticks[Math.Clamp((int)Math.Ceiling(0.99 * ticks.Count) - 1, 0, ticks.Count - 1)] * toMillis);
        }
    }
}
