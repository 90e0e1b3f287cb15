namespace PolicingHub.EventLog;

/// <summary>
/// The tail of the log this process committed, kept in memory (the last <see cref="Capacity"/> positions, contiguous),
/// so the readers that follow the head — console feed, projector, audit sealer — get new events without a query and
/// without parsing their JSON again. Filled after a commit and before the committing callers or the doorbell hear of
/// it; a read that does not start inside the window goes to the store.
/// <para>
/// The window is short on purpose: whatever it holds is alive at the next garbage collection, and about 1 KB an event.
/// At 16,384 events it held about two seconds of S6's assignments, so every gen-0 collection copied ~30 MB of it and
/// paused 50–70 ms, which was S6's p99. 2,048 events still cover the followers that poll (the audit seal and the
/// escalation scheduler read every 100 ms); the projector and the feed follow the doorbell at once.
/// </para>
/// </summary>
internal sealed class RecentEvents(int capacity = RecentEvents.DefaultCapacity)
{
    public const int DefaultCapacity = 2_048;

    private readonly Lock _lock = new();
    private readonly EventEnvelope[] _ring = new EventEnvelope[capacity];
    private long _first = 1; // the oldest position held (when _last >= _first)
    private long _last;      // the newest position held; 0 = empty

    public int Capacity => capacity;

    /// <summary>Adds committed events in position order; a gap (another writer's commit) restarts the window.</summary>
    public void Add(IReadOnlyList<EventEnvelope> committed)
    {
        lock (_lock)
        {
            foreach (var e in committed)
            {
                if (_last != 0 && e.Position != _last + 1)
                {
                    _first = e.Position;
                }
                else if (_last == 0)
                {
                    _first = e.Position;
                }
                _ring[e.Position % capacity] = e;
                _last = e.Position;
                if (_last - _first >= capacity)
                {
                    _first = _last - capacity + 1;
                }
            }
        }
    }

    /// <summary>The events after <paramref name="afterPosition"/> when the window holds the next one; null otherwise.</summary>
    public IReadOnlyList<EventEnvelope>? TryRead(long afterPosition, int maxCount)
    {
        lock (_lock)
        {
            var from = afterPosition + 1;
            if (_last == 0 || from < _first || from > _last)
            {
                return null;
            }
            var count = (int)Math.Min(maxCount, _last - afterPosition);
            var page = new EventEnvelope[count];
            for (var i = 0; i < count; i++)
            {
                page[i] = _ring[(from + i) % capacity];
            }
            return page;
        }
    }
}
