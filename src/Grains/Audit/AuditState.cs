namespace PolicingHub.Grains.Audit;

/// <summary>The stored state of the audit log: the last entry's sequence and hash (null before the first entry).</summary>
public sealed record AuditState
{
    public long LastSequence { get; init; }

    public string? LastHash { get; init; }
}
