using System.Collections.Immutable;
using PolicingHub.EventLog;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Gateway.Projections;

/// <summary>
/// The hub's read models, folded from the log in position order by the <see cref="ReadModelProjector"/> (its only
/// writer): agencies with their agreements, open tasks and overdue commitments; agreements with their scorecards;
/// tasks for lists. What grains used to keep for each other by calls after a write is derived here, from the log.
/// </summary>
internal sealed partial class HubReadModel
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, AgencyRecord> _agencies = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, AgreementRecord> _agreements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskState> _tasks = new(StringComparer.Ordinal);

    /// <summary>Every event at or below this position has been applied.</summary>
    public long Position { get; private set; }

    public void Apply(EventEnvelope envelope)
    {
        // Audit records (a command's outcome, refusals, seals) feed no read model: not decoded at all.
        var @event = DomainEvents.IsAuditRecord(envelope)
            ? null
            : DomainEvents.Decode(envelope);
        lock (_lock)
        {
            if (envelope.Position <= Position)
            {
                return; // exactly once per position
            }
            switch (@event)
            {
                case AgencyRegistered e:
                    _agencies[e.Agency.Value] = new AgencyRecord(e);
                    break;
                case AgencyStatusChanged e when Agency(e.Agency) is { } agency:
                    agency.Presence = e.Status;
                    break;
                case AgreementDrafted or AgreementSigned or AgreementStatusChanged or CommitmentAdded or CommitmentProgressReported
                    or CommitmentFulfilled or CommitmentWaived or CommitmentOverdue:
                    ApplyAgreement(KeyOf(envelope.Stream), @event);
                    break;
                case TaskAssigned or TaskAcknowledged or TaskAccepted or TaskDeclined or TaskUpdatePosted or TaskCompleted
                    or TaskCancelled or TaskEscalated or TaskReassigned:
                    ApplyTask(KeyOf(envelope.Stream), @event);
                    break;
            }
            Position = envelope.Position;
        }
    }

    private void ApplyAgreement(string id, object @event)
    {
        if (!_agreements.TryGetValue(id, out var agreement))
        {
            _agreements[id] = agreement = new AgreementRecord();
        }
        var before = agreement.State;
        agreement.State = before.Apply(@event);
        switch (@event)
        {
            case AgreementDrafted e:
                foreach (var party in e.Parties)
                {
                    Agency(party)?.Agreements.Add(id);
                }
                break;
            case CommitmentOverdue e:
                agreement.WentOverdue.Add(e.Commitment);
                Agency(e.ResponsibleParty)?.OverdueCommitments.Add($"{id}#{e.Commitment}");
                break;
            case CommitmentFulfilled or CommitmentWaived:
                var number = @event is CommitmentFulfilled f ? f.Commitment : ((CommitmentWaived)@event).Commitment;
                if (before.Commitments.FirstOrDefault(c => c.Number == number) is { } closed)
                {
                    Agency(closed.ResponsibleParty)?.OverdueCommitments.Remove($"{id}#{number}");
                }
                break;
            case AgreementStatusChanged { To: AgreementStatus.Terminated or AgreementStatus.Expired }:
                foreach (var commitment in before.Commitments)
                {
                    Agency(commitment.ResponsibleParty)?.OverdueCommitments.Remove($"{id}#{commitment.Number}");
                }
                break;
        }
    }

    private void ApplyTask(string id, object @event)
    {
        var before = _tasks.GetValueOrDefault(id) ?? new TaskState();
        var after = before.Apply(@event);
        _tasks[id] = after;
        if (after.Task is not { } task)
        {
            return;
        }
        var agreement = _agreements.GetValueOrDefault(task.Agreement.Value);
        var taskId = task.Id;
        switch (@event)
        {
            case TaskAssigned e:
                Agency(e.Assignee)?.OpenTasks.Add(id);
                agreement?.Open.TryAdd(taskId, (e.RequestingAgency, e.Assignee));
                agreement?.Count(e.RequestingAgency, sent: 1);
                agreement?.Count(e.Assignee, received: 1);
                break;
            case TaskReassigned e:
                Agency(e.From)?.OpenTasks.Remove(id);
                Agency(e.To)?.OpenTasks.Add(id);
                if (agreement is not null && agreement.Open.TryGetValue(taskId, out var moved))
                {
                    agreement.Count(moved.Assignee, received: -1);
                    agreement.Count(e.To, received: 1);
                    agreement.Open[taskId] = (moved.Requester, e.To);
                }
                break;
            case TaskDeclined e:
                Agency(e.Assignee)?.OpenTasks.Remove(id);
                break;
            case TaskCompleted e:
                Agency(e.Assignee)?.OpenTasks.Remove(id);
                if (agreement is not null && agreement.Open.Remove(taskId, out var answered))
                {
                    agreement.Count(answered.Assignee, received: -1);
                    agreement.Count(e.Assignee, received: 1, answered: 1, onTime: e.OnTime ? 1 : 0);
                }
                break;
            case TaskCancelled e:
                Agency(e.Assignee)?.OpenTasks.Remove(id);
                agreement?.Open.Remove(taskId); // withdrawn: counted as sent and received, never answered
                break;
        }
    }

    private AgencyRecord? Agency(AgencyCode code) => _agencies.GetValueOrDefault(code.Value);

    private static string KeyOf(string stream) => stream[(stream.IndexOf('/') + 1)..];
}
