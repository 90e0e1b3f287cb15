using Microsoft.Extensions.Logging;

namespace PolicingHub.EventLog.Diagnostics;

/// <summary>
/// The event log's log messages (event ids 5000–5099). Counts, positions and file paths only: never event data, and
/// never a stream name at Information or above (streams name cases).
/// </summary>
internal static partial class EventLogMessages
{
    [LoggerMessage(5000, LogLevel.Information, "Event log store {Store} opened at {Location}")]
    public static partial void Opened(this ILogger logger, string store, string location);

    [LoggerMessage(5001, LogLevel.Warning, "An event log batch of {Count} appends failed; outcome unknown: {OutcomeUnknown}")]
    public static partial void BatchFailed(this ILogger logger, int count, bool outcomeUnknown, Exception exception);

    [LoggerMessage(5002, LogLevel.Information, "Event log appender stopped; {Count} queued appends were refused")]
    public static partial void AppenderStopped(this ILogger logger, int count);

    [LoggerMessage(5003, LogLevel.Warning, "An event log doorbell subscriber failed when rung at position {Position}")]
    public static partial void DoorbellSubscriberFailed(this ILogger logger, long position, Exception exception);

    [LoggerMessage(5004, LogLevel.Critical, "The event log appender's loop failed; queued appends are refused")]
    public static partial void AppenderLoopFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5005, LogLevel.Debug, "Event log batch of {Count} appends committed up to position {Position}")]
    public static partial void BatchCommitted(this ILogger logger, int count, long position);

    [LoggerMessage(5006, LogLevel.Warning, "A background checkpoint of the SQLite event log failed; the next tick tries again")]
    public static partial void CheckpointFailed(this ILogger logger, Exception exception);
}
