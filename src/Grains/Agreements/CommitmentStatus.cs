namespace PolicingHub.Grains.Agreements;

public enum CommitmentStatus
{
    Open,
    Overdue,
    Fulfilled,
    Waived,
}
