namespace PolicingHub.Grains.Tasks;

/// <summary>The stored state of a task grain: the task (null until assigned) and its acknowledgement window, the escalation period.</summary>
public sealed record TaskState
{
    public TaskView? Task { get; init; }

    public TimeSpan AcknowledgeWindow { get; init; }
}
