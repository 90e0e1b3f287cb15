using PolicingHub.EventLog;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>
/// What the event log holds at one moment: every event, the domain events among them (not on an audit stream and not a
/// command's audit record), the <c>command.accepted</c> records and the refusals on "audit/refusals", in order.
/// </summary>
public sealed record HubState(IReadOnlyList<EventEnvelope> Events)
{
    public const string RefusalsStream = "audit/refusals";
    public const string SealsStream = "audit/seals";

    public IReadOnlyList<EventEnvelope> DomainEventList => [.. Events.Where(IsDomainEvent)];

    public int DomainEvents => Events.Count(IsDomainEvent);

    public IReadOnlyList<(EventEnvelope Envelope, CommandAccepted Record)> Accepted =>
        [.. Events.Where(e => e.Type == CommandAccepted.TypeName).Select(e => (e, Decode<CommandAccepted>(e)))];

    public IReadOnlyList<CommandRefused> Refusals =>
        [.. Events.Where(e => e.Stream == RefusalsStream).Select(Decode<CommandRefused>)];

    public CommandRefused LastRefusal => Refusals[^1];

    public long LastPosition => Events.Count == 0 ? 0 : Events[^1].Position;

    /// <summary>Everything appended after <paramref name="earlier"/>.</summary>
    public HubState Since(HubState earlier) => new([.. Events.Where(e => e.Position > earlier.LastPosition)]);

    public static bool IsDomainEvent(EventEnvelope e) =>
        !e.Stream.StartsWith("audit/", StringComparison.Ordinal) && e.Type != CommandAccepted.TypeName;

    public static async Task<HubState> ReadAsync(GatewayFactory factory) => new(await ReadAllAsync(factory.Log));

    public static async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(IEventLog log)
    {
        var all = new List<EventEnvelope>();
        while (true)
        {
            var page = await log.ReadAsync(all.Count == 0 ? 0 : all[^1].Position, 1000);
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }
        }
    }

    private static T Decode<T>(EventEnvelope e) where T : class =>
        global::PolicingHub.Grains.EventSourcing.DomainEvents.Decode<T>(e) ?? throw new InvalidOperationException($"{e.Type} at {e.Position} is not a {typeof(T).Name}");
}
