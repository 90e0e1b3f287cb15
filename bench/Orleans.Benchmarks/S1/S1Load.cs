using System.Diagnostics;
using PolicingHub.Benchmarks.Common;

namespace PolicingHub.Benchmarks.S1;

/// <summary>What one measured run of one side produced.</summary>
internal sealed record LoadRun(
    string Side, Samples Latency, TimeSpan Elapsed, ProcessCost Cost, int Errors, double TargetRate = 0, Samples? SendLag = null, int[]? CallsPerCaller = null)
{
    /// <summary>Closed loop: the calls made by the caller that made fewest, and by the median caller (fairness).</summary>
    public (int Fewest, int Median) CallerSpread => CallsPerCaller is { Length: > 0 } calls
        ? (calls.Min(), calls.Order().ElementAt(calls.Length / 2))
        : (0, 0);

    public int Calls => Latency.Count;

    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public double CpuMicrosPerCall => Cost.Cpu.TotalMicroseconds / Math.Max(1, Calls);

    public double BytesPerCall => (double)Cost.AllocatedBytes / Math.Max(1, Calls);

    public double GcPausePercent => 100 * Cost.GcPause.TotalSeconds / Elapsed.TotalSeconds;
}

/// <summary>
/// The S1 loads. Closed loop: <see cref="Callers"/> callers, each owning its own 100 keys and calling them round-robin, one
/// call at a time, until the time is up (the peak). Open loop: calls sent on a clock at a fixed rate whatever the answers
/// do, each timed from the moment it was due (so a stalled sender or a queue shows up in the latency).
/// </summary>
internal static class S1Load
{
    public const int Callers = 100;
    private const int Slice = S1Side.Keys / Callers;

    /// <summary>Every key called once (activates every grain), from the same 100 callers.</summary>
    public static async Task TouchAllAsync(S1Side side)
    {
        static async Task Touch(S1Side side, int first)
        {
            for (var i = 0; i < Slice; i++)
            {
                await side.Call(first + i, 0);
            }
        }
        var callers = await Task.Run(() => Enumerable.Range(0, Callers).Select(c => Touch(side, c * Slice)).ToArray());
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(120));
    }

    public static async Task<LoadRun> ClosedAsync(S1Side side, TimeSpan duration)
    {
        var before = ProcessCost.Now();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        // All callers start from one thread-pool work item, each running to its first await: every caller has its call
        // in flight at once. Started with one Task.Run each from outside the pool, they would wait in the pool's global
        // queue, which the workers serve only once their own local queues are empty: under Orleans' load more than
        // half of them never ran in a 5 s run (see the README).
        var callers = await Task.Run(() =>
        {
            var started = new Task<(SampleBuffer Samples, int Errors)>[Callers];
            for (var c = 0; c < Callers; c++)
            {
                started[c] = CallerAsync(side, c * Slice, deadline);
            }
            return started;
        });
        var done = await Task.WhenAll(callers).WaitAsync(duration + TimeSpan.FromSeconds(60));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cost = ProcessCost.Now() - before;
        return new LoadRun(side.Name, new Samples(SampleBuffer.Concat(done.Select(d => d.Samples))), elapsed, cost, done.Sum(d => d.Errors),
            CallsPerCaller: [.. done.Select(d => d.Samples.Count)]);
    }

    private static async Task<(SampleBuffer, int)> CallerAsync(S1Side side, int first, long deadline)
    {
        var samples = new SampleBuffer(64 * 1024);
        var errors = 0;
        for (var i = 0; ; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= deadline)
            {
                return (samples, errors);
            }
            try
            {
                await side.Call(first + (i % Slice), 1);
            }
            catch (Exception)
            {
                errors++;
            }
            samples.Add(Stopwatch.GetTimestamp() - start);
            if (side.YieldEvery > 0 && i % side.YieldEvery == side.YieldEvery - 1)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>
    /// Open loop at <paramref name="rate"/> calls/s for <paramref name="duration"/>. A pacing thread wakes about every
    /// millisecond and hands the calls that have fallen due to the thread pool in chunks of <see cref="Chunk"/> (as a
    /// server's request handlers would make them), to keys in turn. Each call's latency runs from its due time, so a late
    /// send or a queue anywhere shows up in it; the send lag (due time to the call being made) is kept apart as a check
    /// on the pacing itself.
    /// </summary>
    public static async Task<LoadRun> PacedAsync(S1Side side, double rate, TimeSpan duration)
    {
        var total = (int)Math.Ceiling(rate * duration.TotalSeconds);
        var latencies = new long[total];
        var lags = new long[total];
        var completed = 0;
        var errors = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticksPerCall = Stopwatch.Frequency / rate;
        var before = ProcessCost.Now();
        var started = Stopwatch.GetTimestamp();

        async Task Track(ValueTask<int> call, int index, long due)
        {
            try
            {
                await call.ConfigureAwait(false);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }
            latencies[index] = Stopwatch.GetTimestamp() - due;
            if (Interlocked.Increment(ref completed) == total)
            {
                allDone.TrySetResult();
            }
        }

        void Send(int first, int end)
        {
            for (var i = first; i < end; i++)
            {
                var due = started + (long)(i * ticksPerCall);
                lags[i] = Stopwatch.GetTimestamp() - due;
                ValueTask<int> call;
                try
                {
                    call = side.Call(i % S1Side.Keys, 1);
                }
                catch (Exception exception)
                {
                    call = ValueTask.FromException<int>(exception);
                }
                _ = Track(call, i, due);
            }
        }

        var pacer = new Thread(() =>
        {
            var queued = 0;
            while (queued < total)
            {
                var dueCount = Math.Min(total, (int)((Stopwatch.GetTimestamp() - started) / ticksPerCall) + 1);
                while (queued < dueCount)
                {
                    var first = queued;
                    var end = Math.Min(dueCount, queued + Chunk);
                    ThreadPool.UnsafeQueueUserWorkItem(_ => Send(first, end), null);
                    queued = end;
                }
                if (queued < total)
                {
                    Thread.Sleep(1);
                }
            }
        })
        { IsBackground = true, Name = "S1 pacer" };
        pacer.Start();
        await allDone.Task.WaitAsync(duration + TimeSpan.FromSeconds(60));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cost = ProcessCost.Now() - before;
        return new LoadRun(side.Name, new Samples(latencies), elapsed, cost, errors, rate, new Samples(lags));
    }

    /// <summary>Calls per thread-pool work item in the open loop.</summary>
    private const int Chunk = 16;
}
