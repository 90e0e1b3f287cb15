namespace PolicingHub.Grains.Audit;

/// <summary>
/// Appends refused commands to the stream "audit/refusals" (key <see cref="Key"/>). Only refusals pass through it:
/// an accepted command is audited by the <c>command.accepted</c> record in its own grain's append.
/// </summary>
[Alias("ph.IRefusalAuditGrain")]
public interface IRefusalAuditGrain : IGrainWithStringKey
{
    public const string Key = "refusals";

    [Alias("Record")]
    Task Record(Events.CommandRefused refusal);
}
