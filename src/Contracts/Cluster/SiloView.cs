namespace PolicingHub.Contracts.Cluster;

/// <summary>A silo as operators see it: address, name, membership status, activations, recently used activations and CPU (when active).</summary>
public sealed record SiloView(string Address, string Name, string Status, bool IsLocal, int? Activations, float? CpuUsage, int? RecentlyUsedActivations);
