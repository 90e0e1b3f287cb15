namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>A planned event as sent: when (Stopwatch timestamps, the same clock as the consoles'), the answer, and its status.</summary>
internal sealed record SentEvent(PlannedEvent Event, long SentAt, long AnsweredAt, int Status)
{
    public bool Acknowledged => Status is >= 200 and < 300;
}
