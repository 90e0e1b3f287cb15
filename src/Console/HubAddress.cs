namespace PolicingHub.Console;

/// <summary>Where the hub is: the address the console was loaded from (the gateway serves both).</summary>
public sealed record HubAddress(Uri BaseAddress);
