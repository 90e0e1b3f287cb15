namespace PolicingHub.Runtime.Cluster;

/// <summary>Where a silo listens and which start of it this is (a restarted silo has a new generation).</summary>
public sealed record SiloAddress(string Endpoint, long Generation)
{
    public override string ToString() => $"{Endpoint}@{Generation}";
}
