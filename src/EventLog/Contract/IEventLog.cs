namespace PolicingHub.EventLog;

/// <summary>
/// The append-only log of every domain event: one per store (SQLite, PostgreSQL, memory). A stream has one writer at a
/// time (its grain activation); the log enforces it with compare-and-swap on (stream, sequence).
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="stream"/> atomically, if the stream's last sequence is
    /// <paramref name="expectedSequence"/> (0: the stream has no events). Returns a conflict, writing nothing, when it is
    /// not. Appends from many streams may share one transaction (group commit); each succeeds or fails on its own.
    /// Throws <see cref="EventLogException"/> when the store fails.
    /// </summary>
    Task<AppendResult> AppendAsync(string stream, long expectedSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Events with a position greater than <paramref name="afterPosition"/>, in position order, at most <paramref name="maxCount"/>.
    /// Never skips a position: nothing after a position that is not committed yet is returned.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream with a sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The position of the last committed event; 0 when the log is empty.</summary>
    Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default);
}
