using PolicingHub.EventLog;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>
/// What the log holds for this test. "Events" are the domain events; "records" also include the
/// <c>command.accepted</c> record each accepted command appends with its events (audit and idempotency).
/// </summary>
public sealed partial class Hub
{
    private const int All = 100_000;

    /// <summary>The global log position now; pass it to <see cref="EventsSince"/> or <see cref="RecordsSince"/>.</summary>
    public Task<long> Mark() => _silo.Log.GetLastPositionAsync();

    /// <summary>The domain events of this test's streams committed after <paramref name="mark"/>, as "stream:type", in commit order.</summary>
    public async Task<IReadOnlyList<string>> EventsSince(long mark)
        => [.. (await LoggedSince(mark)).Where(IsEvent).Select(Name)];

    /// <summary>As <see cref="EventsSince"/>, with the command.accepted records.</summary>
    public async Task<IReadOnlyList<string>> RecordsSince(long mark) => [.. (await LoggedSince(mark)).Select(Name)];

    /// <summary>Everything of this test's streams committed after <paramref name="mark"/>, in commit order.</summary>
    public async Task<IReadOnlyList<EventEnvelope>> LoggedSince(long mark)
        => [.. (await _silo.Log.ReadAsync(mark, All)).Where(e => IsOwn(e.Stream))];

    /// <summary>The domain event types of one stream, in order.</summary>
    public async Task<IReadOnlyList<string>> EventTypes(string stream) => [.. (await Events(stream)).Select(e => e.Type)];

    /// <summary>The domain events of one stream, in order.</summary>
    public async Task<IReadOnlyList<EventEnvelope>> Events(string stream) => [.. (await Records(stream)).Where(IsEvent)];

    /// <summary>Every record of one stream (events and command.accepted), in order.</summary>
    public Task<IReadOnlyList<EventEnvelope>> Records(string stream) => _silo.Log.ReadStreamAsync(stream, 0, All);

    public async Task<IReadOnlyList<string>> RecordTypes(string stream) => [.. (await Records(stream)).Select(e => e.Type)];

    /// <summary>The command.accepted records of one stream, in order.</summary>
    public async Task<IReadOnlyList<CommandAccepted>> Accepted(string stream)
        => [.. (await Records(stream)).Select(DomainEvents.Decode<CommandAccepted>).OfType<CommandAccepted>()];

    /// <summary>Completes once <paramref name="stream"/> holds at least <paramref name="count"/> events of <paramref name="type"/>; wakes on the log's doorbell, bounded by <see cref="Eventually.Limit"/>.</summary>
    public async System.Threading.Tasks.Task WhenEvent(string stream, string type, int count = 1)
    {
        using var rung = new SemaphoreSlim(0);
        using var subscription = _silo.Doorbell.Subscribe(_ => rung.Release());
        var deadline = DateTime.UtcNow + Eventually.Limit;
        while ((await EventTypes(stream)).Count(t => t == type) < count)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero && await rung.WaitAsync(left), $"{stream} did not get {count} × {type} in time");
        }
    }

    private static bool IsEvent(EventEnvelope envelope) => envelope.Type != CommandAccepted.TypeName;

    private static string Name(EventEnvelope envelope) => $"{envelope.Stream}:{envelope.Type}";
}
