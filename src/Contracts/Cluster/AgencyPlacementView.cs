namespace PolicingHub.Contracts.Cluster;

/// <summary>Where an agency's grain lives now: its silo and that silo's region (null when not active), and whether that is its home region.</summary>
public sealed record AgencyPlacementView(string Agency, string HomeRegion, string? Silo, string? Region, bool AtHome);
