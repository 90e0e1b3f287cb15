namespace PolicingHub.Grains.Tasks.Escalation;

/// <summary>
/// The scheduler's state (grain storage, a cache of the log): the log position it has read up to and, for each task
/// still waiting on its assignee's acknowledgement, when to look at it next. Losing it costs a re-read of the log.
/// </summary>
[GenerateSerializer, Alias("EscalationSchedule")]
public sealed class EscalationSchedule
{
    [Id(0)]
    public long Position { get; set; }

    [Id(1)]
    public Dictionary<string, DateTimeOffset> NextCheck { get; set; } = new(StringComparer.Ordinal);
}
