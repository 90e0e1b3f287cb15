namespace PolicingHub.Runtime;

/// <summary>An idempotency key already recorded for one method was sent with another method of the same grain.</summary>
public sealed class IdempotencyKeyReusedException(string message) : InvalidOperationException(message);
