using Microsoft.Extensions.Logging;

namespace PolicingHub.Gateway.Security;

/// <summary>The security log messages (event ids 2100–2199). Never a token or key: paths, subjects and reasons only.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Created a new token signing key at {Path}")]
    public static partial void SigningKeyCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Loaded the token signing key from {Path}")]
    public static partial void SigningKeyLoaded(ILogger logger, string path);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Issued a {Role} token for {Subject} (agency {Agency}), valid until {Expires}")]
    public static partial void TokenIssued(ILogger logger, string role, string subject, string? agency, DateTimeOffset expires);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Bearer token rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Rate limit reached for {Partition}")]
    public static partial void RateLimited(ILogger logger, string partition);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Request body of {Length} bytes refused (limit {Limit})")]
    public static partial void BodyTooLarge(ILogger logger, long length, long limit);
}
