namespace PolicingHub.Console.Feed;

/// <summary>How long to wait before reconnect attempt n (1-based): 1, 2, 4, 8, 15, 15… seconds, each ±20 % so consoles spread out.</summary>
public static class ReconnectBackoff
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(15);

    public static TimeSpan Delay(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        var seconds = Math.Min(Math.Pow(2, Math.Min(attempt - 1, 10)), Max.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (1 + 0.2 * jitter));
    }
}
