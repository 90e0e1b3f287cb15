using System.Diagnostics.Metrics;
using PolicingHub.Runtime.Diagnostics;

namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>
/// Counts this host's live grain activations by listening to the runtime's "policinghub.activations" up-down counter
/// (only the meter created by this host's <see cref="IMeterFactory"/>, so several hosts in one process stay apart).
/// </summary>
internal sealed class ActivationCounter : IDisposable
{
    private const string InstrumentName = "policinghub.activations";

    private readonly MeterListener _listener = new();
    private long _count;

    public ActivationCounter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Name == InstrumentName
                && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref _count, delta));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
