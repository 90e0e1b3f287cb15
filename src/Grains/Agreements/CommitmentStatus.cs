namespace PolicingHub.Grains.Agreements;

[GenerateSerializer, Alias("ph.CommitmentStatus")]
public enum CommitmentStatus
{
    Open,
    Overdue,
    Fulfilled,
    Waived,
}
