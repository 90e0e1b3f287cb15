namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>GET /api/cluster: the membership view (version, active silos) and this silo's live activations. No case content.</summary>
public sealed record ClusterView(long MembershipVersion, IReadOnlyList<SiloView> Silos, long LocalActivations);
