namespace PolicingHub.Runtime.Reminders;

/// <summary>A durable reminder. <see cref="Period"/> of <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string ETag = "")
{
    public bool IsOneShot => Period == Timeout.InfiniteTimeSpan;
}
