using System.Diagnostics.Metrics;

namespace PolicingHub.Runtime.Diagnostics;

/// <summary>The runtime's instruments on the "PolicingHub.Runtime" meter.</summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "PolicingHub.Runtime";

    private readonly Meter _meter;

    public RuntimeMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Activations = _meter.CreateUpDownCounter<long>("policinghub.activations", description: "Live grain activations.");
        Calls = _meter.CreateCounter<long>("policinghub.grain.calls", description: "Grain calls dispatched.");
        CallFailures = _meter.CreateCounter<long>("policinghub.grain.call_failures", description: "Grain calls that failed or timed out.");
        CallDuration = _meter.CreateHistogram<double>("policinghub.grain.call.duration", unit: "ms", description: "Grain call latency.");
        StorageDuration = _meter.CreateHistogram<double>("policinghub.storage.duration", unit: "ms", description: "Grain storage read/write latency.");
        StorageConflicts = _meter.CreateCounter<long>("policinghub.storage.conflicts", description: "Conditional writes refused for a stale ETag.");
    }

    public UpDownCounter<long> Activations { get; }

    public Counter<long> Calls { get; }

    public Counter<long> CallFailures { get; }

    public Histogram<double> CallDuration { get; }

    public Histogram<double> StorageDuration { get; }

    public Counter<long> StorageConflicts { get; }

    public void Dispose() => _meter.Dispose();
}
