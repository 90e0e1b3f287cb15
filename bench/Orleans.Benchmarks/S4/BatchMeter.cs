using System.Diagnostics.Metrics;

namespace PolicingHub.Benchmarks.S4;

/// <summary>
/// Listens to the event log's own meter (PolicingHub.EventLog): every committed transaction records its number of appends
/// on policinghub.eventlog.batch.size. Counts transactions and appends, for the mean batch size.
/// </summary>
internal sealed class BatchMeter : IDisposable
{
    private const string MeterName = "PolicingHub.EventLog";
    private const string BatchSize = "policinghub.eventlog.batch.size";

    private readonly MeterListener _listener = new();
    private long _batches;
    private long _appends;

    public BatchMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == BatchSize)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, appends, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "status" && !Equals(tag.Value, "committed"))
                {
                    return;
                }
            }
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _appends, appends);
        });
        _listener.Start();
    }

    public long Batches => Interlocked.Read(ref _batches);

    public long Appends => Interlocked.Read(ref _appends);

    public void Dispose() => _listener.Dispose();
}
