using PolicingHub.EventLog;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>
/// The console entitlement rules of DESIGN.md §4.7 and §6 stated again, independently of the gateway's code: read from
/// the typed domain events, not from the log's JSON, and folded from scratch for every question.
/// <list type="bullet">
/// <item>Audit records (command.accepted, refusals, seals) reach nobody.</item>
/// <item>A coordinator is entitled to every agency, agreement and task event.</item>
/// <item>An operator is entitled to agency presence (agency.status-changed) only.</item>
/// <item>A partner is entitled to its own agency's events, the events of agreements its agency is a party to, and the
/// events of tasks assigned to it, or of CLEAR/GREEN tasks under an agreement it is a party to.</item>
/// <item>An event is delivered when the console was entitled at the event's position AND at the moment "now"; a
/// reassignment also reaches the agency the task was taken from.</item>
/// </list>
/// </summary>
internal sealed class EntitlementRules(IReadOnlyList<(EventEnvelope Envelope, object Event)> log)
{
    /// <summary>Whether <paramref name="actor"/> receives the event at <paramref name="position"/> when deciding at <paramref name="now"/>.</summary>
    public bool Delivered(Actor actor, long position, long now)
    {
        var (envelope, @event) = log.Single(e => e.Envelope.Position == position);
        if (@event is TaskReassigned moved && actor.Role == ActorRole.Partner && moved.From.Value == actor.Agency)
        {
            return true;
        }
        return Entitled(actor, envelope, @event, position) && Entitled(actor, envelope, @event, now);
    }

    /// <summary>The positions a console receives: up to <paramref name="resumedAfter"/> as it was live; later ones as a replay decided at <paramref name="now"/>.</summary>
    public long[] Expected(Actor actor, long resumedAfter, long now) =>
        [.. log.Select(e => e.Envelope.Position)
            .Where(p => p <= resumedAfter ? Delivered(actor, p, p) : Delivered(actor, p, now))];

    private bool Entitled(Actor actor, EventEnvelope envelope, object @event, long asOf)
    {
        if (@event is CommandAccepted or CommandRefused or AuditSealed)
        {
            return false;
        }
        var (kind, key) = (envelope.Stream[..envelope.Stream.IndexOf('/')], envelope.Stream[(envelope.Stream.IndexOf('/') + 1)..]);
        return actor.Role switch
        {
            ActorRole.Coordinator => kind is "agency" or "agreement" or "task",
            ActorRole.Operator => @event is AgencyStatusChanged,
            _ => kind switch
            {
                "agency" => key == actor.Agency,
                "agreement" => Parties(key, asOf).Contains(actor.Agency!),
                "task" => Task(key, asOf) is { } task
                    && (task.Assignee == actor.Agency
                        || (task.Handling is HandlingCode.Clear or HandlingCode.Green && Parties(task.Agreement, asOf).Contains(actor.Agency!))),
                _ => false,
            },
        };
    }

    private HashSet<string> Parties(string agreement, long asOf)
    {
        var parties = new HashSet<string>();
        foreach (var (envelope, @event) in log.Where(e => e.Envelope.Position <= asOf && e.Envelope.Stream == $"agreement/{agreement}"))
        {
            if (@event is AgreementDrafted drafted)
            {
                parties = [.. drafted.Parties.Select(p => p.Value)];
            }
            else if (@event is AgreementStatusChanged changed)
            {
                parties = [.. changed.Parties.Select(p => p.Value)];
            }
        }
        return parties;
    }

    private (string Agreement, string Assignee, HandlingCode Handling)? Task(string task, long asOf)
    {
        (string, string, HandlingCode)? state = null;
        foreach (var (_, @event) in log.Where(e => e.Envelope.Position <= asOf && e.Envelope.Stream == $"task/{task}"))
        {
            state = @event switch
            {
                TaskAssigned a => (a.Agreement.Value, a.Assignee.Value, a.Handling),
                TaskReassigned r => (r.Agreement.Value, r.To.Value, r.Handling),
                _ => state,
            };
        }
        return state;
    }
}
