using System.Diagnostics.Metrics;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// Listens to the runtime's own meter ("PolicingHub.Runtime") in this process: grain calls dispatched, and grain state
/// reads and writes (each records one <c>policinghub.storage.duration</c> sample) with their summed duration.
/// </summary>
public sealed class RuntimeCounters : IDisposable
{
    private const string MeterName = "PolicingHub.Runtime";

    private readonly MeterListener _listener = new();
    private long _calls;
    private long _storageOperations;
    private long _storageNanos;

    public RuntimeCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name is "policinghub.grain.calls" or "policinghub.storage.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _calls, value));
        _listener.SetMeasurementEventCallback<double>((_, millis, _, _) =>
        {
            Interlocked.Increment(ref _storageOperations);
            Interlocked.Add(ref _storageNanos, (long)(millis * 1_000_000));
        });
        _listener.Start();
    }

    public RuntimeSnapshot Take() => new(Interlocked.Read(ref _calls), Interlocked.Read(ref _storageOperations), Interlocked.Read(ref _storageNanos));

    public void Dispose() => _listener.Dispose();
}

public sealed record RuntimeSnapshot(long GrainCalls, long StorageOperations, long StorageNanos)
{
    public static RuntimeSnapshot operator -(RuntimeSnapshot after, RuntimeSnapshot before) =>
        new(after.GrainCalls - before.GrainCalls, after.StorageOperations - before.StorageOperations, after.StorageNanos - before.StorageNanos);
}
