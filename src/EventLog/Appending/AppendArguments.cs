using System.Text.Json;

namespace PolicingHub.EventLog.Appending;

/// <summary>The checks every store makes on an append before it queues or writes anything.</summary>
internal static class AppendArguments
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the stream is named, the expected sequence is 0 or more and there
    /// is at least one event, each with a type and a JSON value. Returns the events copied, so a caller that reuses its
    /// list cannot change an append after it was queued.
    /// </summary>
    public static NewEvent[] Validate(string stream, long expectedSequence, IReadOnlyList<NewEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSequence);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }
        var copy = new NewEvent[events.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
            if (string.IsNullOrWhiteSpace(e.Type))
            {
                throw new ArgumentException($"Event {i} has no type.", nameof(events));
            }
            if (e.Data.ValueKind == JsonValueKind.Undefined)
            {
                throw new ArgumentException($"Event {i} ({e.Type}) has no data; use a JSON value such as {{}}.", nameof(events));
            }
            copy[i] = e;
        }
        return copy;
    }

    /// <summary>Throws unless a read's bounds make sense: a position or sequence of 0 or more, a count of 0 or more.</summary>
    public static void ValidateRead(long after, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
    }
}
