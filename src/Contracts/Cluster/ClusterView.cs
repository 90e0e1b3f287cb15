namespace PolicingHub.Contracts.Cluster;

/// <summary>GET /api/cluster: Orleans' membership view (version, silos) with each silo's load. No case content.</summary>
public sealed record ClusterView(long MembershipVersion, IReadOnlyList<SiloView> Silos);
