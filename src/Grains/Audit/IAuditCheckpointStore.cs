using PolicingHub.Grains.Audit.Events;

namespace PolicingHub.Grains.Audit;

/// <summary>
/// Keeps the newest checkpoint OUTSIDE the database (beside the audit key), so cutting the end of the log together with
/// its checkpoints is still found: the log must reach the kept checkpoint and match its link.
/// </summary>
public interface IAuditCheckpointStore
{
    AuditSealed? Last();

    void Keep(AuditSealed checkpoint);
}
