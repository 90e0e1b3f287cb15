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

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Token revocation in force: jti {TokenId}, agency {Agency}, at {At}")]
    public static partial void RevocationApplied(ILogger logger, string? tokenId, string? agency, DateTimeOffset at);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "A token revocation handler failed")]
    public static partial void RevocationHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Reading the token revocations from the event log failed after sequence {Sequence}; retrying on the next doorbell or tick")]
    public static partial void RevocationReadFailed(ILogger logger, long sequence, Exception exception);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "Token revocations loaded from the event log: {Tokens} revoked tokens, up to sequence {Sequence}")]
    public static partial void RevocationsLoaded(ILogger logger, int tokens, long sequence);
}
