using System.Diagnostics;

namespace PolicingHub.Benchmarks.Common;

/// <summary>Latencies in Stopwatch ticks, sorted once; percentiles by nearest rank.</summary>
internal sealed class Samples
{
    private readonly long[] _sorted;

    public Samples(long[] ticks)
    {
        _sorted = ticks;
        Array.Sort(_sorted);
    }

    public static Samples Pool(IEnumerable<Samples> parts) => new([.. parts.SelectMany(p => p._sorted)]);

    public int Count => _sorted.Length;

    public double Micros(double quantile) => Ticks(quantile) * 1_000_000.0 / Stopwatch.Frequency;

    public double Millis(double quantile) => Ticks(quantile) * 1_000.0 / Stopwatch.Frequency;

    private long Ticks(double quantile)
    {
        if (_sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(quantile * _sorted.Length) - 1;
        return _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)];
    }
}

/// <summary>A growable list of samples per worker (no sharing between threads).</summary>
internal sealed class SampleBuffer(int capacity)
{
    private long[] _items = new long[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public void Add(long ticks)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = ticks;
    }

    public static long[] Concat(IEnumerable<SampleBuffer> buffers)
    {
        var list = buffers.ToList();
        var all = new long[list.Sum(b => b.Count)];
        var at = 0;
        foreach (var b in list)
        {
            Array.Copy(b._items, 0, all, at, b.Count);
            at += b.Count;
        }
        return all;
    }
}

/// <summary>Process CPU, allocation and GC figures over a measured span (all threads, both sides' background work included).</summary>
internal readonly record struct ProcessCost(TimeSpan Cpu, long AllocatedBytes, TimeSpan GcPause, int Gen0, int Gen1, int Gen2)
{
    public static ProcessCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    public static ProcessCost operator -(ProcessCost a, ProcessCost b) =>
        new(a.Cpu - b.Cpu, a.AllocatedBytes - b.AllocatedBytes, a.GcPause - b.GcPause, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    /// <summary>Forces a full collection so that one side's garbage is not collected on the next side's time.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
