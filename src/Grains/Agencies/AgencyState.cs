using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agencies;

/// <summary>The stored state of an agency grain. <see cref="Registration"/> is null until the agency is registered.</summary>
public sealed record AgencyState
{
    public AgencyRegistered? Registration { get; init; }

    /// <summary>Connection ids of the agency's consoles online now.</summary>
    public ImmutableArray<string> Consoles { get; init; } = [];

    public DateTimeOffset? LastSeen { get; init; }

    public Readiness Readiness { get; init; }

    public ImmutableArray<AgencyAgreement> Agreements { get; init; } = [];

    public ImmutableArray<TaskId> OpenTasks { get; init; } = [];

    /// <summary>"agreementId#number" of each overdue commitment the agency is responsible for.</summary>
    public ImmutableArray<string> OverdueCommitments { get; init; } = [];

    [JsonIgnore]
    public AgencyLiveStatus LiveStatus => new(Consoles.Length, LastSeen, Readiness, OpenTasks.Length, OverdueCommitments.Length);
}
