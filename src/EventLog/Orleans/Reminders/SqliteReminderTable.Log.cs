using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// The reminder table's log messages (event ids 5100–5119, inside 5100–5199 for the Orleans providers on SQLite).
/// Grain ids, reminder names, ETags and file paths only.
/// </summary>
public sealed partial class SqliteReminderTable
{
    [LoggerMessage(5100, LogLevel.Information, "SQLite reminder table ready at {Path} for service {ServiceId}")]
    private partial void LogStarted(string path, string serviceId);

    [LoggerMessage(5101, LogLevel.Error, "SQLite reminder table could not open or create {Path}")]
    private partial void LogStartFailed(string path, Exception exception);

    [LoggerMessage(5102, LogLevel.Error, "Reading reminder {ReminderName} of grain {GrainId} failed")]
    private partial void LogReadFailed(GrainId grainId, string reminderName, Exception exception);

    [LoggerMessage(5103, LogLevel.Error, "Reading reminders of service {ServiceId} failed")]
    private partial void LogReadManyFailed(string serviceId, Exception exception);

    [LoggerMessage(5104, LogLevel.Error, "Upserting reminder {ReminderName} of grain {GrainId} failed")]
    private partial void LogUpsertFailed(GrainId grainId, string reminderName, Exception exception);

    [LoggerMessage(5105, LogLevel.Debug, "Reminder {ReminderName} of grain {GrainId} was not removed: ETag {ETag} is not the current one")]
    private partial void LogRemoveRefused(GrainId grainId, string reminderName, string eTag);

    [LoggerMessage(5106, LogLevel.Error, "Removing reminder {ReminderName} of grain {GrainId} failed")]
    private partial void LogRemoveFailed(GrainId grainId, string reminderName, Exception exception);
}
