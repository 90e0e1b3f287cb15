using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>
/// Listens to the event log's meter, only as created by one meter factory (one host), so tests running side by side
/// do not see each other's measurements.
/// </summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _recorded = new();

    public RecordedMeasurements(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EventLogInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument, in the order they were recorded.</summary>
    public IReadOnlyList<Recorded> Of(string instrument) => _recorded.Where(r => r.Instrument == instrument).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = string.Join(",", tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
        _recorded.Enqueue(new Recorded(instrument.Name, value, text));
    }

    /// <summary>One measurement; tags as "key=value" pairs sorted by key and joined by commas.</summary>
    public sealed record Recorded(string Instrument, double Value, string Tags);
}
