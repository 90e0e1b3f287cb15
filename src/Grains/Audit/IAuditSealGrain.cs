using Orleans.Concurrency;

namespace PolicingHub.Grains.Audit;

/// <summary>
/// Seals the log (key <see cref="Key"/>, stream "audit/seals"): each <see cref="Seal"/> appends one signed checkpoint
/// covering everything committed since the last; <see cref="Verify"/> recomputes the chain from position 1.
/// </summary>
[Alias("ph.IAuditSealGrain")]
public interface IAuditSealGrain : IGrainWithStringKey
{
    public const string Key = "seals";

    /// <summary>Appends a checkpoint when the log grew since the last one; returns the position sealed up to.</summary>
    [Alias("Seal")]
    Task<long> Seal();

    [ReadOnly, Alias("Verify")]
    Task<AuditVerification> Verify();

    /// <summary>The signed checkpoints, oldest first, for export.</summary>
    [ReadOnly, Alias("Checkpoints")]
    Task<IReadOnlyList<Events.AuditSealed>> Checkpoints();
}
