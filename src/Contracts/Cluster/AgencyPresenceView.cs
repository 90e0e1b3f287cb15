namespace PolicingHub.Contracts.Cluster;

/// <summary>GET /api/cluster/presence (operators, coordinators): an agency's consoles online and readiness — no case content.</summary>
public sealed record AgencyPresenceView(string Code, string Name, string HomeRegion, int ConsolesOnline, DateTimeOffset? LastSeen, string Readiness);
