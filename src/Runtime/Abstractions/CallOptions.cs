namespace PolicingHub.Runtime;

/// <summary>Per-reference call options: a deadline shorter than the default, and an idempotency key.</summary>
/// <remarks>
/// A call made with an idempotency key has its outcome recorded durably with the grain's state; a retried call
/// with the same key returns the recorded outcome and has no second effect.
/// </remarks>
public sealed record CallOptions
{
    public static readonly CallOptions Default = new();

    /// <summary>How long the caller waits; null means the runtime's default (30 s unless configured).</summary>
    public TimeSpan? Timeout { get; init; }

    public string? IdempotencyKey { get; init; }
}
