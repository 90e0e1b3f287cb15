using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Feed;

/// <summary>
/// Which streams ("task/T-…", "agreement/MOU-…") changed live since the page loaded, and when: views mark those rows
/// for <see cref="Lifetime"/> so the eye finds what just moved. Replayed history (before the page was live) is not marked.
/// </summary>
public sealed class ChangeMarks(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, DateTimeOffset> _changed = new(StringComparer.Ordinal);

    public void Record(FeedEvent e) => _changed[e.Stream] = time.GetUtcNow();

    public bool IsRecent(string stream) => _changed.TryGetValue(stream, out var at) && time.GetUtcNow() - at < Lifetime;

    public void Clear() => _changed.Clear();
}
