using Microsoft.Extensions.Logging;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>The REST API's log messages (event ids 2200–2299). Never tokens, bodies or case content.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "{Method} {Path} refused: {Status} {Title}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, int status, string title);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Audit of {Action} on {Target} skipped: the principal is not a valid actor")]
    public static partial void AuditSkipped(ILogger logger, string action, string target);
}
