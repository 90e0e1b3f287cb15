namespace PolicingHub.Contracts.Cluster;

/// <summary>
/// A silo as operators see it: address, name, membership status, region, activations (all and recently used), CPU %,
/// memory in use and available (bytes), and whether Orleans considers it overloaded — load figures only while active.
/// </summary>
public sealed record SiloView(
    string Address,
    string Name,
    string Status,
    bool IsLocal,
    int? Activations,
    float? CpuUsage,
    int? RecentlyUsedActivations,
    string? Region,
    long? MemoryUsageBytes,
    long? AvailableMemoryBytes,
    bool? IsOverloaded);
