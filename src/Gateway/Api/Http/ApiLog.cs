using Microsoft.Extensions.Logging;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>The REST API's log messages (event ids 2200–2299). Never tokens, bodies or case content.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "{Method} {Path} refused: {Status} {Title}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, int status, string title);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Audit of {Action} on {Target} skipped: the principal is not a valid actor")]
    public static partial void AuditSkipped(ILogger logger, string action, string target);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Command attempt {Attempt} failed with {Error}; retrying with the same idempotency key")]
    public static partial void CommandRetried(ILogger logger, int attempt, string error);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Command failed after {Attempts} attempts in {ElapsedMs} ms, last with {Error}: the retry budget is spent")]
    public static partial void CommandGaveUp(ILogger logger, int attempts, double elapsedMs, string error);
}
