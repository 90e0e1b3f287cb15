using Microsoft.Extensions.Logging;

namespace PolicingHub.Runtime.Diagnostics;

/// <summary>Source-generated log messages of the runtime. Event ids are stable: 1xxx activation, 2xxx calls, 3xxx storage, 4xxx reminders.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Activated {GrainId}")]
    public static partial void Activated(ILogger logger, GrainId grainId);

    [LoggerMessage(1002, LogLevel.Warning, "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(1003, LogLevel.Debug, "Deactivated {GrainId} ({Reason})")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(1004, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(1005, LogLevel.Warning, "Timer callback of {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(1006, LogLevel.Information, "Collected {Count} idle activations")]
    public static partial void Collected(ILogger logger, int count);

    [LoggerMessage(3001, LogLevel.Warning, "Write of {GrainId}/{StateName} failed; the activation will be deactivated")]
    public static partial void WriteFailed(ILogger logger, GrainId grainId, string stateName, Exception error);

    [LoggerMessage(4001, LogLevel.Warning, "Reminder {Name} of {GrainId} failed; retrying at {RetryAt}")]
    public static partial void ReminderFailed(ILogger logger, GrainId grainId, string name, DateTimeOffset retryAt, Exception error);

    [LoggerMessage(4002, LogLevel.Information, "Loaded {Count} reminders")]
    public static partial void RemindersLoaded(ILogger logger, int count);
}
