using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// The gateway's projection of the event log that decides who may see which event (DESIGN.md §6): agreement → parties,
/// task → agreement, assignee and handling code. One writer (the feed's pump, which applies each event before fanning
/// it out); any number of readers (live fan-out and replays). Checks always use the CURRENT state, so access revoked
/// while a console was offline is not replayed.
/// </summary>
internal sealed class EntitlementIndex
{
    private const string ReassignedType = "task.reassigned";

    private readonly ConcurrentDictionary<string, ImmutableArray<AgencyCode>> _agreements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskEntitlement> _tasks = new(StringComparer.Ordinal);

    /// <summary>The agreement, assignee and handling code of a task, as of the last event applied.</summary>
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
                    _agreements[key] = [.. parties.EnumerateArray()
                        .Where(p => p.ValueKind == JsonValueKind.String)
                        .Select(p => new AgencyCode(p.GetString()!))];
                }
                break;
            case ("task", "task.assigned"):
                if (ReadString(data, "agreement") is { } agreement && ReadString(data, "assignee") is { } assignee)
                {
                    _tasks[key] = new TaskEntitlement(agreement, new AgencyCode(assignee), ParseHandling(ReadString(data, "handling")));
                }
                break;
            case ("task", ReassignedType):
                if (ReadString(data, "to") is { } to)
                {
                    _tasks.TryGetValue(key, out var previous);
                    _tasks[key] = new TaskEntitlement(
                        ReadString(data, "agreement") ?? previous?.Agreement ?? string.Empty,
                        new AgencyCode(to),
                        ReadString(data, "handling") is { } handling ? ParseHandling(handling) : previous?.Handling ?? HandlingCode.Red);
                }
                break;
        }
    }

    /// <summary>Whether <paramref name="principal"/> may receive this event now (replay and live).</summary>
    public bool CanSee(Actor principal, EventEnvelope envelope)
    {
        if (DomainEvents.IsAuditRecord(envelope))
        {
            return false; // audit records (command outcomes, refusals, seals): never sent to consoles
        }
        var (kind, key) = SplitStream(envelope.Stream);
        switch (kind)
        {
            case "agency":
                return Visibility.CanSeeAgency(principal.Role, principal.Agency, new AgencyCode(key));
            case "agreement":
                return Visibility.CanSeeAgreement(principal.Role, principal.Agency, PartiesOf(key));
            case "task":
                if (!_tasks.TryGetValue(key, out var task))
                {
                    // A task event before its assignment is unknown to the index: only coordinators see everything.
                    return principal.Role == ActorRole.Coordinator;
                }
                return Visibility.CanSeeTask(principal.Role, principal.Agency, task.Assignee, task.Handling, PartiesOf(task.Agreement));
            default:
                // audit/*, directory/* and anything unknown: nobody (fail closed).
                return false;
        }
    }

    /// <summary>
    /// <see cref="CanSee"/>, plus: a live task.reassigned event also reaches the agency the task was taken from, so
    /// its console can drop the task. Never used for replay.
    /// </summary>
    public bool CanSeeLive(Actor principal, EventEnvelope envelope) =>
        CanSee(principal, envelope) || IsReassignedAwayFrom(principal, envelope);

    internal TaskEntitlement? TaskOf(string taskId) => _tasks.TryGetValue(taskId, out var task) ? task : null;

    internal ImmutableArray<AgencyCode> PartiesOf(string agreementId) =>
        _agreements.TryGetValue(agreementId, out var parties) ? parties : [];

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
