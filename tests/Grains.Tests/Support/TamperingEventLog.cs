using System.Text.Json;
using System.Text.Json.Nodes;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>An event log that shows readers a tampered copy: each event passes through <see cref="Tamper"/> (null drops it).</summary>
public sealed class TamperingEventLog(IEventLog inner) : IEventLog
{
    public Func<EventEnvelope, EventEnvelope?> Tamper { get; set; } = e => e;

    public async Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
        => Apply(await inner.ReadAsync(afterPosition, maxCount, cancellationToken));

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
        => Apply(await inner.ReadStreamAsync(stream, afterSequence, maxCount, cancellationToken));

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default) => inner.GetLastPositionAsync(cancellationToken);

    /// <summary>The event's data with one property path (e.g. "entry", "outcome") set to a new value.</summary>
    public static EventEnvelope With(EventEnvelope envelope, string[] path, JsonNode? value)
    {
        var root = JsonNode.Parse(envelope.Data.GetRawText())!;
        var node = root;
        foreach (var name in path[..^1])
        {
            node = node[name]!;
        }
        node[path[^1]] = value;
        return envelope with { Data = JsonSerializer.SerializeToElement(root) };
    }

    private List<EventEnvelope> Apply(IReadOnlyList<EventEnvelope> events) => [.. events.Select(Tamper).OfType<EventEnvelope>()];
}
