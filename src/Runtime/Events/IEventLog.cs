namespace PolicingHub.Runtime.Events;

/// <summary>The append-only log of every committed event. Appends happen only through <see cref="Storage.IGrainStorage"/>.</summary>
public interface IEventLog
{
    /// <summary>Events with position greater than <paramref name="afterPosition"/>, in position order, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream with sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The position of the last committed event, 0 when the log is empty.</summary>
    Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default);
}
