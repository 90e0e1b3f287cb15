using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolicingHub.EventLog.Diagnostics;

/// <summary>
/// The event log's own instruments (meter <see cref="MeterName"/>): how long an append waits for its result, how many
/// appends share a transaction, how many events commit and how many appends lose the compare-and-swap. Tags are few
/// and of low cardinality: <c>store</c> (sqlite, memory) and <c>status</c>; never a stream name.
/// </summary>
internal sealed class EventLogInstruments
{
    public const string MeterName = "PolicingHub.EventLog";
    public const string AppendDurationName = "policinghub.eventlog.append.duration";
    public const string BatchSizeName = "policinghub.eventlog.batch.size";
    public const string AppendedEventsName = "policinghub.eventlog.events.appended";
    public const string ConflictsName = "policinghub.eventlog.append.conflicts";
    public const string CheckpointedFramesName = "policinghub.eventlog.checkpoint.frames";

    /// <summary>No instruments at all: for a store built without a meter factory.</summary>
    public static readonly EventLogInstruments None = new(null, "none");

    private static readonly double[] DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];
    private static readonly int[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private readonly KeyValuePair<string, object?> _store;
    private readonly Histogram<double>? _appendDuration;
    private readonly Histogram<int>? _batchSize;
    private readonly Counter<long>? _appendedEvents;
    private readonly Counter<long>? _conflicts;
    private readonly Counter<long>? _checkpointedFrames;

    /// <param name="meterFactory">Creates the meter (scoped to that factory); null records nothing.</param>
    /// <param name="store">The <c>store</c> tag: sqlite or memory.</param>
    public EventLogInstruments(IMeterFactory? meterFactory, string store)
    {
        _store = new("store", store);
        if (meterFactory is null)
        {
            return;
        }
        var meter = meterFactory.Create(MeterName);
        _appendDuration = meter.CreateHistogram(AppendDurationName, "ms",
            "Time from an append being queued to its result (committed, conflict or failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _batchSize = meter.CreateHistogram(BatchSizeName, "{append}",
            "Appends written in one transaction (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _appendedEvents = meter.CreateCounter<long>(AppendedEventsName, "{event}", "Events committed to the log.");
        _conflicts = meter.CreateCounter<long>(ConflictsName, "{append}",
            "Appends refused because the stream was not at the expected sequence.");
        _checkpointedFrames = meter.CreateCounter<long>(CheckpointedFramesName, "{frame}",
            "Write-ahead log frames copied into the database by background checkpoints (SQLite).");
    }

    /// <summary>One append has its result; <paramref name="status"/> is committed, conflict or failed.</summary>
    public void AppendCompleted(string status, TimeSpan elapsed)
    {
        if (_appendDuration is { Enabled: true } histogram)
        {
            histogram.Record(elapsed.TotalMilliseconds, new TagList { _store, { "status", status } });
        }
    }

    /// <summary>One transaction ran with <paramref name="appends"/> appends; <paramref name="status"/> is committed or failed.</summary>
    public void BatchWritten(int appends, string status)
    {
        if (_batchSize is { Enabled: true } histogram)
        {
            histogram.Record(appends, new TagList { _store, { "status", status } });
        }
    }

    public void EventsAppended(int count)
    {
        if (_appendedEvents is { Enabled: true } counter)
        {
            counter.Add(count, _store);
        }
    }

    public void Conflicted()
    {
        if (_conflicts is { Enabled: true } counter)
        {
            counter.Add(1, _store);
        }
    }

    /// <summary>A background checkpoint ran and copied <paramref name="frames"/> write-ahead log frames.</summary>
    public void Checkpointed(long frames)
    {
        if (_checkpointedFrames is { Enabled: true } counter)
        {
            counter.Add(frames, _store);
        }
    }
}
