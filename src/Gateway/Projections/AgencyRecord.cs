using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Projections;

/// <summary>The read model of one agency: its registration and presence, its agreements, open tasks and overdue commitments.</summary>
internal sealed class AgencyRecord(AgencyRegistered registration)
{
    public AgencyRegistered Registration { get; } = registration;

    public AgencyPresence Presence { get; set; } = new(0, null, Readiness.Normal);

    public SortedSet<string> Agreements { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> OpenTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>"agreementId#number" of each overdue commitment the agency is responsible for.</summary>
    public HashSet<string> OverdueCommitments { get; } = new(StringComparer.Ordinal);
}
