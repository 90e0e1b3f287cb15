using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tasks.Events;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>Handcrafted envelopes of the real domain events, serialized as the runtime writes them (camelCase, enums as names).</summary>
internal sealed class DomainEvents
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly EventTypeRegistry Names = new();
    private readonly Dictionary<string, long> _sequences = [];
    private long _position;

    public EventEnvelope Envelope(string stream, object @event)
    {
        _sequences[stream] = _sequences.GetValueOrDefault(stream) + 1;
        return new EventEnvelope(++_position, stream, _sequences[stream], Names.GetName(@event.GetType()), At,
            JsonSerializer.SerializeToElement(@event, @event.GetType(), Json));
    }

    public EventEnvelope AgencyRegistered(string agency) => Envelope($"agency/{agency}",
        new AgencyRegistered(new AgencyCode(agency), agency, agency[..2], "eu", ["en"], [CooperationArea.Cyberspace], [], At));

    public EventEnvelope AgencyStatusChanged(string agency, int consoles) => Envelope($"agency/{agency}",
        new AgencyStatusChanged(new AgencyCode(agency), new AgencyLiveStatus(consoles, At, Readiness.Normal, 0, 0)));

    public EventEnvelope AgreementDrafted(string agreement, params string[] parties) => Envelope($"agreement/{agreement}",
        new AgreementDrafted(new AgreementId(agreement), "MOU", [.. parties.Select(p => new AgencyCode(p))], [CooperationArea.Cyberspace], [], null));

    public EventEnvelope AgreementSigned(string agreement) => Envelope($"agreement/{agreement}",
        new AgreementSigned(new AgreementId(agreement), DateOnly.FromDateTime(At.Date), []));

    public EventEnvelope CommitmentAdded(string agreement, string responsible) => Envelope($"agreement/{agreement}",
        new CommitmentAdded(new AgreementId(agreement), new CommitmentView(1, CooperationArea.Cyberspace, "Share indicators",
            new AgencyCode(responsible), At.AddDays(30), CommitmentStatus.Open, null, [])));

    public EventEnvelope ScorecardChanged(string agreement) => Envelope($"agreement/{agreement}",
        new ScorecardChanged(new AgreementId(agreement), new Scorecard(null, 0, At.AddDays(30), [])));

    public EventEnvelope TaskAssigned(string task, string agreement, string requester, string assignee, HandlingCode handling) => Envelope($"task/{task}",
        new TaskAssigned(new TaskId(task), new AgreementId(agreement), new AgencyCode(requester), new AgencyCode(assignee),
            TaskKind.FugitiveLocation, CooperationArea.Fugitives, Priority.Urgent, handling, "Locate fugitive", "Details", At, At.AddHours(8), At.AddDays(7)));

    public EventEnvelope TaskAcknowledged(string task, string assignee) => Envelope($"task/{task}",
        new TaskAcknowledged(new TaskId(task), new AgencyCode(assignee), "Officer Kim", At.AddDays(1)));

    public EventEnvelope TaskUpdatePosted(string task, string assignee) => Envelope($"task/{task}",
        new TaskUpdatePosted(new TaskId(task), new AgencyCode(assignee), new TaskUpdate(At, "officer", "Lead found"), CooperationTaskStatus.InProgress));

    public EventEnvelope TaskReassigned(string task, string agreement, string from, string to, HandlingCode handling) => Envelope($"task/{task}",
        new TaskReassigned(new TaskId(task), new AgreementId(agreement), new AgencyCode(from), new AgencyCode(to), "Capacity", handling, At.AddHours(8), At.AddDays(7)));

    public EventEnvelope AuditRecorded(long sequence) => Envelope("audit/hub",
        new AuditRecorded(sequence, new AuditEntry("coord-1", ActorRole.Coordinator, null, "agency.register", "agency/JP-NPA", "ok", At), "0", "1"));

    public EventEnvelope DirectoryChanged() => Envelope("directory/hub", new AgencyStatusChanged(new AgencyCode("JP-NPA"), new AgencyLiveStatus(1, At, Readiness.Normal, 0, 0)));

    public static Actor Partner(string agency) => new($"liaison-{agency}", ActorRole.Partner, agency);

    public static Actor Coordinator { get; } = new("coord-1", ActorRole.Coordinator, null);

    public static Actor Operator { get; } = new("ops-1", ActorRole.Operator, null);
}
