using Microsoft.Extensions.Logging;

namespace PolicingHub.Gateway.Feed;

/// <summary>The console feed's log messages (event ids 3100–3199). Connection ids, roles and agencies only: never tokens.</summary>
internal static partial class FeedLog
{
    [LoggerMessage(3100, LogLevel.Information, "Console feed index rebuilt up to position {Position}: {Agreements} agreements, {Tasks} tasks")]
    public static partial void IndexRebuilt(this ILogger logger, long position, int agreements, int tasks);

    [LoggerMessage(3101, LogLevel.Warning, "Console feed pump failed after position {Position}; it retries on the next doorbell or tick")]
    public static partial void PumpFailed(this ILogger logger, long position, Exception exception);

    [LoggerMessage(3102, LogLevel.Debug, "Console {ConnectionId} connected as {Role} {Agency}")]
    public static partial void Connected(this ILogger logger, string connectionId, string role, string? agency);

    [LoggerMessage(3103, LogLevel.Debug, "Console {ConnectionId} subscribed after position {AfterPosition}")]
    public static partial void Subscribed(this ILogger logger, string connectionId, long afterPosition);

    [LoggerMessage(3104, LogLevel.Debug, "Console {ConnectionId} replayed {Count} events from position {From} and is live at {Live}")]
    public static partial void WentLive(this ILogger logger, string connectionId, int count, long from, long live);

    [LoggerMessage(3105, LogLevel.Debug, "Console {ConnectionId} disconnected")]
    public static partial void Disconnected(this ILogger logger, string connectionId);

    [LoggerMessage(3106, LogLevel.Warning, "Console {ConnectionId} dropped: {Reason}")]
    public static partial void Dropped(this ILogger logger, string connectionId, string reason);

    [LoggerMessage(3107, LogLevel.Warning, "Console {ConnectionId} replay failed")]
    public static partial void ReplayFailed(this ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3108, LogLevel.Debug, "Console {ConnectionId} send failed")]
    public static partial void SendFailed(this ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3109, LogLevel.Warning, "Agency {Agency} was not told that console {ConnectionId} {Change}")]
    public static partial void PresenceFailed(this ILogger logger, string agency, string connectionId, string change, Exception exception);

    [LoggerMessage(3111, LogLevel.Information, "Console {ConnectionId} fell {Capacity} events behind; catching up from the log after position {Position}")]
    public static partial void FellBehind(this ILogger logger, string connectionId, int capacity, long position);

    [LoggerMessage(3112, LogLevel.Warning, "Console {ConnectionId}: hub call or connection refused: {Reason}")]
    public static partial void HubCallRefused(this ILogger logger, string connectionId, string reason);

    [LoggerMessage(3110, LogLevel.Information, "Console {ConnectionId} refused a subscription: {Reason}")]
    public static partial void SubscribeRefused(this ILogger logger, string connectionId, string reason);
}
