namespace PolicingHub.Grains.Errors;

/// <summary>An idempotency key already used for a different command on this grain (HTTP 409).</summary>
[GenerateSerializer, Alias("ph.IdempotencyKeyReusedException")]
public sealed class IdempotencyKeyReusedException(string message) : DomainException(message);
