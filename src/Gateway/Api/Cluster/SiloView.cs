namespace PolicingHub.Gateway.Api.Cluster;

/// <summary>A silo as operators see it.</summary>
public sealed record SiloView(string Endpoint, long Generation, string Region, bool IsLocal);
