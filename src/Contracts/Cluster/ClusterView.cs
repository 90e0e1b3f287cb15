namespace PolicingHub.Contracts.Cluster;

/// <summary>GET /api/cluster: Orleans' membership view (version, silos with region and load) and where each agency lives. No case content.</summary>
public sealed record ClusterView(long MembershipVersion, IReadOnlyList<SiloView> Silos, IReadOnlyList<AgencyPlacementView> Agencies);
