namespace PolicingHub.Grains.Errors;

/// <summary>
/// The grain lost the log's compare-and-swap (another activation of it appended first, e.g. after a failover).
/// Nothing was written and the activation is gone; the caller retries against fresh state (the gateway does, with
/// the command's idempotency key), or answers 409.
/// </summary>
[GenerateSerializer, Alias("ph.ConcurrencyConflictException")]
public sealed class ConcurrencyConflictException(string message) : DomainException(message);
