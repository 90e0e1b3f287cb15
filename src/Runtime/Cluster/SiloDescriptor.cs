namespace PolicingHub.Runtime.Cluster;

/// <summary>A silo as the membership sees it.</summary>
public sealed record SiloDescriptor(SiloAddress Address, string Region);
