namespace PolicingHub.Grains.Errors;

/// <summary>
/// The event log failed during a command's append. <see cref="OutcomeUnknown"/> false: nothing was written (HTTP 503,
/// retry); true: the commit may or may not have happened (HTTP 504, retry with the same idempotency key). The grain
/// that threw has deactivated, so the retry starts from the log.
/// </summary>
[GenerateSerializer, Alias("ph.StoreFailedException")]
public sealed class StoreFailedException(string message, bool outcomeUnknown) : Exception(message)
{
    [Id(0)]
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
