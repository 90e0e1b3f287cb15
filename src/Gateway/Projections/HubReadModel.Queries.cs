using System.Collections.Immutable;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Projections;

/// <summary>Reads of the read models: consistent snapshots taken under the model's lock.</summary>
internal sealed partial class HubReadModel
{
    public IReadOnlyList<AgencyView> Agencies()
    {
        lock (_lock)
        {
            return [.. _agencies.Values.Select(View)];
        }
    }

    public AgencyView? Agency(string code)
    {
        lock (_lock)
        {
            return _agencies.TryGetValue(code, out var agency) ? View(agency) : null;
        }
    }

    public IReadOnlyList<AgreementDetails> Agreements()
    {
        lock (_lock)
        {
            return [.. _agreements.Where(a => a.Value.State.Exists).Select(a => Details(a.Key, a.Value))];
        }
    }

    public Scorecard? Scorecard(string agreement)
    {
        lock (_lock)
        {
            return _agreements.TryGetValue(agreement, out var record) && record.State.Exists ? record.Scorecard() : null;
        }
    }

    public ImmutableArray<AgencyCode> PartiesOf(string agreement)
    {
        lock (_lock)
        {
            return _agreements.TryGetValue(agreement, out var record) ? record.State.Parties : [];
        }
    }

    public IReadOnlyList<TaskView> Tasks()
    {
        lock (_lock)
        {
            return [.. _tasks.Values.Select(t => t.Task).OfType<TaskView>()];
        }
    }

    public (int Agencies, int Agreements, int Tasks) Counts()
    {
        lock (_lock)
        {
            return (_agencies.Count, _agreements.Count, _tasks.Count);
        }
    }

    private static AgencyView View(AgencyRecord a)
    {
        var r = a.Registration;
        var status = new AgencyLiveStatus(a.Presence.ConsolesOnline, a.Presence.LastSeen, a.Presence.Readiness, a.OpenTasks.Count,
            a.OverdueCommitments.Count);
        return new AgencyView(r.Agency, r.Name, r.Country, r.HomeRegion, r.Languages, r.Capabilities, r.Contacts, status,
            [.. a.Agreements.Select(id => new AgreementId(id))], [.. a.OpenTasks.Select(id => new TaskId(id))], r.RegisteredAt);
    }

    private static AgreementDetails Details(string id, AgreementRecord a)
    {
        var s = a.State;
        return new AgreementDetails(new AgreementId(id), s.Title, s.Parties, s.Areas, s.ResponseClauses, s.Status, s.SignedOn,
            s.Signatories, s.ExpiresOn, s.Commitments, a.Scorecard());
    }
}
