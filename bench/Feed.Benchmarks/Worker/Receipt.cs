using System.Globalization;

namespace PolicingHub.Benchmarks.Feed.Worker;

/// <summary>
/// One event received by one console: which console, the event's stream, sequence and type, and when the handler got
/// it (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>: CLOCK_MONOTONIC on Linux, the same clock in every process).
/// </summary>
internal readonly record struct Receipt(int Console, string Stream, long Sequence, string Type, long Timestamp)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Console}\t{Stream}\t{Sequence}\t{Type}\t{Timestamp}");

    public static Receipt FromLine(string line)
    {
        var p = line.Split('\t');
        return new Receipt(int.Parse(p[0], CultureInfo.InvariantCulture), p[1], long.Parse(p[2], CultureInfo.InvariantCulture), p[3],
            long.Parse(p[4], CultureInfo.InvariantCulture));
    }
}
