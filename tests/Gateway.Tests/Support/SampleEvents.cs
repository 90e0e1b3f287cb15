using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Security.Events;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>A real domain event and the stream it belongs on, before the log gives it a position.</summary>
internal sealed record SampleEvent(string Stream, object Event);

/// <summary>Handcrafted instances of the real domain events (and audit records), each on the stream its grain writes.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static Actor Partner(string agency) => new($"liaison-{agency}", ActorRole.Partner, agency);

    public static Actor Coordinator { get; } = new("coord-1", ActorRole.Coordinator, null);

    public static Actor Operator { get; } = new("ops-1", ActorRole.Operator, null);

    public static SampleEvent AgencyRegistered(string agency, string homeRegion = "eu") => new($"agency/{agency}",
        new AgencyRegistered(new AgencyCode(agency), agency, agency[..2], homeRegion, ["en"], [CooperationArea.Cyberspace], [], At));

    public static SampleEvent AgencyStatusChanged(string agency, int consoles, Readiness readiness = Readiness.Normal) => new($"agency/{agency}",
        new AgencyStatusChanged(new AgencyCode(agency), new AgencyPresence(consoles, At, readiness)));

    public static SampleEvent AgreementDrafted(string agreement, params string[] parties) => new($"agreement/{agreement}",
        new AgreementDrafted(new AgreementId(agreement), "MOU", [.. parties.Select(p => new AgencyCode(p))],
            [CooperationArea.Cyberspace, CooperationArea.Fugitives], [], null));

    public static SampleEvent AgreementSigned(string agreement) => new($"agreement/{agreement}",
        new AgreementSigned(new AgreementId(agreement), DateOnly.FromDateTime(At.Date), []));

    public static SampleEvent AgreementStatusChanged(string agreement, AgreementStatus from, AgreementStatus to, params string[] parties) =>
        new($"agreement/{agreement}", new AgreementStatusChanged(new AgreementId(agreement), from, to, to == AgreementStatus.Active ? null : "reason",
            [.. parties.Select(p => new AgencyCode(p))]));

    public static SampleEvent CommitmentAdded(string agreement, string responsible, int number = 1, DateTimeOffset? dueAt = null) =>
        new($"agreement/{agreement}", new CommitmentAdded(new AgreementId(agreement), new CommitmentView(number, CooperationArea.Cyberspace,
            "Share indicators", new AgencyCode(responsible), dueAt ?? At.AddDays(30), CommitmentStatus.Open, null, [])));

    public static SampleEvent CommitmentOverdue(string agreement, string responsible, int number = 1, DateTimeOffset? dueAt = null) =>
        new($"agreement/{agreement}", new CommitmentOverdue(new AgreementId(agreement), number, new AgencyCode(responsible), dueAt ?? At.AddDays(30)));

    public static SampleEvent CommitmentFulfilled(string agreement, int number, DateTimeOffset at, bool onTime) =>
        new($"agreement/{agreement}", new CommitmentFulfilled(new AgreementId(agreement), number, at, onTime));

    public static SampleEvent CommitmentWaived(string agreement, int number, DateTimeOffset at) =>
        new($"agreement/{agreement}", new CommitmentWaived(new AgreementId(agreement), number, "no longer needed", at));

    public static SampleEvent TaskAssigned(string task, string agreement, string requester, string assignee, HandlingCode handling) => new($"task/{task}",
        new TaskAssigned(new TaskId(task), new AgreementId(agreement), new AgencyCode(requester), new AgencyCode(assignee),
            TaskKind.FugitiveLocation, CooperationArea.Fugitives, Priority.Urgent, handling, "Locate fugitive", "Details", At, At.AddHours(8), At.AddDays(7)));

    public static SampleEvent TaskAcknowledged(string task, string assignee) => new($"task/{task}",
        new TaskAcknowledged(new TaskId(task), new AgencyCode(assignee), "Officer Kim", At.AddDays(1)));

    public static SampleEvent TaskAccepted(string task, string assignee) => new($"task/{task}",
        new TaskAccepted(new TaskId(task), new AgencyCode(assignee)));

    public static SampleEvent TaskDeclined(string task, string assignee) => new($"task/{task}",
        new TaskDeclined(new TaskId(task), new AgencyCode(assignee), "No jurisdiction"));

    public static SampleEvent TaskUpdatePosted(string task, string assignee) => new($"task/{task}",
        new TaskUpdatePosted(new TaskId(task), new AgencyCode(assignee), new TaskUpdate(At, "officer", "Lead found"), CooperationTaskStatus.InProgress));

    public static SampleEvent TaskCompleted(string task, string assignee, bool onTime) => new($"task/{task}",
        new TaskCompleted(new TaskId(task), new AgencyCode(assignee), "Located", At.AddDays(2), onTime));

    public static SampleEvent TaskCancelled(string task, string assignee) => new($"task/{task}",
        new TaskCancelled(new TaskId(task), new AgencyCode(assignee), "Withdrawn by the requester"));

    public static SampleEvent TaskReassigned(string task, string agreement, string from, string to, HandlingCode handling) => new($"task/{task}",
        new TaskReassigned(new TaskId(task), new AgreementId(agreement), new AgencyCode(from), new AgencyCode(to), "Capacity", handling,
            At.AddHours(8), At.AddDays(7), At));

    public static SampleEvent TaskEscalated(string task, string assignee, int level = 1) => new($"task/{task}",
        new TaskEscalated(new TaskId(task), new AgencyCode(assignee), level, "No acknowledgement"));

    public static SampleEvent CommitmentProgressReported(string agreement, int number) => new($"agreement/{agreement}",
        new CommitmentProgressReported(new AgreementId(agreement), number, new ProgressNote(At, "liaison", "Half the data shared")));

    /// <summary>The audit record a grain appends with a command's events on the same stream.</summary>
    public static SampleEvent CommandAccepted(string stream, Actor actor) =>
        new(stream, new CommandAccepted("Acknowledge", actor.Subject, actor.Role, actor.Agency, null, null, null));

    public static SampleEvent TokenRevoked(string tokenId) => new("security/tokens", new TokenRevoked(tokenId, At));

    public static SampleEvent AgencyTokensRevoked(string agency) => new("security/tokens", new AgencyTokensRevoked(new AgencyCode(agency), At));

    public static SampleEvent CommandRefused(Actor actor) => new("audit/refusals",
        new CommandRefused(actor.Subject, actor.Role, actor.Agency, "task.acknowledge", "T-1", "409 Invalid transition", At));

    public static SampleEvent AuditSealed(long upTo) => new("audit/seals", new AuditSealed(upTo, new string('0', 64), At));
}
