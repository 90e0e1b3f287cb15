using PolicingHub.Grains.Audit.Events;

namespace PolicingHub.Grains.Audit;

/// <summary>The in-memory profile's: the log and the checkpoints die together, nothing to keep outside.</summary>
public sealed class NoAuditCheckpointStore : IAuditCheckpointStore
{
    public AuditSealed? Last() => null;

    public void Keep(AuditSealed checkpoint)
    {
    }
}
