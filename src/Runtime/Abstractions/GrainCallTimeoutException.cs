namespace PolicingHub.Runtime;

/// <summary>The call's deadline passed before it answered. The outcome is unknown; retry with the same idempotency key.</summary>
public sealed class GrainCallTimeoutException(string message) : TimeoutException(message);
