using PolicingHub.Runtime;

namespace PolicingHub.Grains.Audit;

/// <summary>
/// The append-only, hash-chained audit log (key <see cref="Key"/>). Each entry is an event on the stream "audit/hub" whose hash
/// covers the previous hash and the entry; Verify recomputes the chain from the event log.
/// </summary>
public interface IAuditLogGrain : IGrainWithStringKey
{
    public const string Key = "hub";

    /// <summary>Appends an entry; returns its sequence number.</summary>
    Task<long> Append(AuditEntry entry);

    [ReadOnly]
    Task<AuditVerification> Verify();
}
