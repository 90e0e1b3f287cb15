using System.Diagnostics.Metrics;

namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// Listens in this process to the event log's meter (time from an append being queued to its result; appends per
/// transaction) and to ASP.NET Core's http.server.request.duration for POST requests (the server's own view of an assign,
/// from the request's first byte read to the response written).
/// </summary>
public sealed class HubMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _appends;
    private long _appendMicros;
    private long _batches;
    private long _batchedAppends;
    private long _posts;
    private long _postMicros;

    public HubMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == "PolicingHub.EventLog" && instrument.Name is "policinghub.eventlog.append.duration" or "policinghub.eventlog.batch.size")
                || (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration"))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "policinghub.eventlog.append.duration")
            {
                Interlocked.Increment(ref _appends);
                Interlocked.Add(ref _appendMicros, (long)(value * 1000));
                return;
            }
            foreach (var tag in tags)
            {
                if (tag.Key == "http.request.method" && Equals(tag.Value, "POST"))
                {
                    Interlocked.Increment(ref _posts);
                    Interlocked.Add(ref _postMicros, (long)(value * 1_000_000));
                    return;
                }
            }
        });
        _listener.SetMeasurementEventCallback<int>((_, appends, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _batchedAppends, appends);
        });
        _listener.Start();
    }

    public MeterSnapshot Take() => new(
        Interlocked.Read(ref _appends), Interlocked.Read(ref _appendMicros), Interlocked.Read(ref _batches), Interlocked.Read(ref _batchedAppends),
        Interlocked.Read(ref _posts), Interlocked.Read(ref _postMicros));

    public void Dispose() => _listener.Dispose();
}

public sealed record MeterSnapshot(long Appends, long AppendMicros, long Batches, long BatchedAppends, long Posts, long PostMicros)
{
    public double AppendMeanMillis => Appends == 0 ? double.NaN : AppendMicros / 1000.0 / Appends;

    public double AppendsPerBatch => Batches == 0 ? double.NaN : (double)BatchedAppends / Batches;

    public double PostMeanMillis => Posts == 0 ? double.NaN : PostMicros / 1000.0 / Posts;

    public static MeterSnapshot operator -(MeterSnapshot a, MeterSnapshot b) => new(
        a.Appends - b.Appends, a.AppendMicros - b.AppendMicros, a.Batches - b.Batches, a.BatchedAppends - b.BatchedAppends,
        a.Posts - b.Posts, a.PostMicros - b.PostMicros);
}
