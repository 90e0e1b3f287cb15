using System.Collections.Immutable;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// An immutable, position-ordered history of one value (a task's assignee, an agreement's parties): which value held
/// as of any log position. Entries are appended in position order by the feed's single writer; readers see a snapshot.
/// </summary>
internal sealed class PositionHistory<T>
{
    private readonly ImmutableArray<(long From, T Value)> _entries;

    private PositionHistory(ImmutableArray<(long From, T Value)> entries) => _entries = entries;

    public static PositionHistory<T> Start(long position, T value) => new([(position, value)]);

    /// <summary>This history with <paramref name="value"/> holding from <paramref name="position"/> on.</summary>
    public PositionHistory<T> With(long position, T value) => new(_entries.Add((position, value)));

    /// <summary>The value that held at <paramref name="position"/>; default before the first entry.</summary>
    public T? At(long position)
    {
        for (var i = _entries.Length - 1; i >= 0; i--)
        {
            if (_entries[i].From <= position)
            {
                return _entries[i].Value;
            }
        }
        return default;
    }
}
