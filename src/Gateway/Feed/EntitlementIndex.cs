using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// The gateway's projection of the event log that decides who may receive which event (DESIGN.md §4.7, §6): agreement
/// → parties, task → agreement, assignee and handling code, each kept as a history by position. One writer (the feed's
/// pump, which applies each event before fanning it out); any number of readers (live fan-out and replays).
/// <para>
/// The one rule, live and replayed alike (<see cref="Delivers"/>): an event reaches a console only if the console's
/// actor was entitled to it at the event's own position AND still is now. Live, "now" is that position, so a live
/// console and a replaying one receive the same events, and access revoked while a console was offline is not
/// replayed. The one addition: a task.reassigned event also reaches the agency the task was taken from (it was
/// entitled just before), live and replayed, so its console can drop the task.
/// </para>
/// </summary>
internal sealed class EntitlementIndex
{
    private const string ReassignedType = "task.reassigned";
    private const string AgencyPresenceType = "agency.status-changed";

    private readonly ConcurrentDictionary<string, PositionHistory<ImmutableArray<AgencyCode>>> _agreements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PositionHistory<TaskEntitlement>> _tasks = new(StringComparer.Ordinal);

    /// <summary>The agreement, assignee and handling code of a task, from one event's position on.</summary>
    internal sealed record TaskEntitlement(string Agreement, AgencyCode Assignee, HandlingCode Handling);

    public int AgreementCount => _agreements.Count;

    public int TaskCount => _tasks.Count;

    /// <summary>Folds one committed event into the index. Events that carry no entitlement are ignored.</summary>
    public void Apply(EventEnvelope envelope)
    {
        var (kind, key) = SplitStream(envelope.Stream);
        var data = envelope.Data;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        switch (kind, envelope.Type)
        {
            case ("agreement", "agreement.drafted" or "agreement.status-changed"):
                if (data.TryGetProperty("parties", out var parties) && parties.ValueKind == JsonValueKind.Array)
                {
                    ImmutableArray<AgencyCode> codes = [.. parties.EnumerateArray()
                        .Where(p => p.ValueKind == JsonValueKind.String)
                        .Select(p => new AgencyCode(p.GetString()!))];
                    Record(_agreements, key, envelope.Position, codes);
                }
                break;
            case ("task", "task.assigned"):
                if (ReadString(data, "agreement") is { } agreement && ReadString(data, "assignee") is { } assignee)
                {
                    Record(_tasks, key, envelope.Position, new TaskEntitlement(agreement, new AgencyCode(assignee), ParseHandling(ReadString(data, "handling"))));
                }
                break;
            case ("task", ReassignedType):
                if (ReadString(data, "to") is { } to)
                {
                    var previous = TaskAt(key, long.MaxValue);
                    Record(_tasks, key, envelope.Position, new TaskEntitlement(
                        ReadString(data, "agreement") ?? previous?.Agreement ?? string.Empty,
                        new AgencyCode(to),
                        ReadString(data, "handling") is { } handling ? ParseHandling(handling) : previous?.Handling ?? HandlingCode.Red));
                }
                break;
        }
    }

    /// <summary>
    /// Whether <paramref name="principal"/> receives this event: entitled at its position and now (see the class
    /// summary). The same answer for the live fan-out and for every replay.
    /// </summary>
    public bool Delivers(Actor principal, EventEnvelope envelope)
    {
        if (DomainEvents.IsAuditRecord(envelope))
        {
            return false; // audit records (command outcomes, refusals, seals): never sent to consoles
        }
        if (IsReassignedAwayFrom(principal, envelope))
        {
            return true;
        }
        return EntitledAt(principal, envelope, envelope.Position) && EntitledAt(principal, envelope, long.MaxValue);
    }

    /// <summary>Whether the actor was entitled to the event's stream as of <paramref name="position"/>.</summary>
    private bool EntitledAt(Actor principal, EventEnvelope envelope, long position)
    {
        var (kind, key) = SplitStream(envelope.Stream);
        switch (kind)
        {
            case "agency":
                // Operators see presence only: never a registration (names, liaison contacts).
                return principal.Role == ActorRole.Operator
                    ? envelope.Type == AgencyPresenceType
                    : Visibility.CanSeeAgency(principal.Role, principal.Agency, new AgencyCode(key));
            case "agreement":
                return Visibility.CanSeeAgreement(principal.Role, principal.Agency, PartiesAt(key, position));
            case "task":
                if (TaskAt(key, position) is not { } task)
                {
                    // A task event before its assignment is unknown to the index: only coordinators see everything.
                    return principal.Role == ActorRole.Coordinator;
                }
                return Visibility.CanSeeTask(principal.Role, principal.Agency, task.Assignee, task.Handling, PartiesAt(task.Agreement, position));
            default:
                // audit/*, directory/* and anything unknown: nobody (fail closed).
                return false;
        }
    }

    /// <summary>The task's entitlement now.</summary>
    internal TaskEntitlement? TaskOf(string taskId) => TaskAt(taskId, long.MaxValue);

    /// <summary>The agreement's parties now.</summary>
    internal ImmutableArray<AgencyCode> PartiesOf(string agreementId) => PartiesAt(agreementId, long.MaxValue);

    private TaskEntitlement? TaskAt(string taskId, long position) =>
        _tasks.TryGetValue(taskId, out var history) ? history.At(position) : null;

    private ImmutableArray<AgencyCode> PartiesAt(string agreementId, long position) =>
        _agreements.TryGetValue(agreementId, out var history) && history.At(position) is { IsDefault: false } parties ? parties : [];

    private static void Record<T>(ConcurrentDictionary<string, PositionHistory<T>> map, string key, long position, T value) =>
        map.AddOrUpdate(key, static (_, a) => PositionHistory<T>.Start(a.position, a.value),
            static (_, history, a) => history.With(a.position, a.value), (position, value));

    private static bool IsReassignedAwayFrom(Actor principal, EventEnvelope envelope) =>
        principal is { Role: ActorRole.Partner, Agency: { } agency }
        && envelope.Type == ReassignedType
        && envelope.Stream.StartsWith("task/", StringComparison.Ordinal)
        && envelope.Data.ValueKind == JsonValueKind.Object
        && string.Equals(ReadString(envelope.Data, "from"), agency, StringComparison.Ordinal);

    private static (string Kind, string Key) SplitStream(string stream)
    {
        var slash = stream.IndexOf('/');
        return slash <= 0 ? (stream, string.Empty) : (stream[..slash], stream[(slash + 1)..]);
    }

    private static string? ReadString(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Enums travel as their names ("Green", "AmberStrict"); TLP spellings ("AMBER+STRICT") are accepted too. Unknown is RED.</summary>
    internal static HandlingCode ParseHandling(string? value)
    {
        if (value is null)
        {
            return HandlingCode.Red;
        }
        var letters = new string([.. value.Where(char.IsLetter)]);
        return Enum.TryParse<HandlingCode>(letters, ignoreCase: true, out var code) && Enum.IsDefined(code) ? code : HandlingCode.Red;
    }
}
