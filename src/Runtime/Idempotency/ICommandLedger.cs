namespace PolicingHub.Runtime.Idempotency;

/// <summary>
/// Durable outcomes of calls that carried an idempotency key, per grain. A record is created pending by the
/// state write the call made (same transaction) or directly when the call completes, and completed with its outcome.
/// </summary>
public interface ICommandLedger
{
    Task<CommandRecord?> FindAsync(GrainId grainId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Creates or completes the record (upsert); an existing outcome is never replaced.</summary>
    Task CompleteAsync(GrainId grainId, string idempotencyKey, string method, CommandOutcome outcome, CancellationToken cancellationToken = default);
}
