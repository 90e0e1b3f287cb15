namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>The answer to a drain or stop: the silo, what was done, and how many activations were asked to move (drain).</summary>
public sealed record SiloOperationResult(string Silo, string Operation, int Moved);
