namespace PolicingHub.Grains.Model;

/// <summary>Assigned → Acknowledged → Accepted or Declined → InProgress → Completed; or Cancelled.</summary>
[GenerateSerializer, Alias("ph.CooperationTaskStatus")]
public enum CooperationTaskStatus
{
    Assigned,
    Acknowledged,
    Accepted,
    Declined,
    InProgress,
    Completed,
    Cancelled,
}
