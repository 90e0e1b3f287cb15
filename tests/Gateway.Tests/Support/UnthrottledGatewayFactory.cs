namespace PolicingHub.Gateway.Tests.Support;

/// <summary>
/// A <see cref="GatewayFactory"/> whose per-subject rate limit is out of reach, for suites that send hundreds of requests
/// as one subject (the bad-input corpus): on a fast machine they would otherwise meet 429s instead of the answers they test.
/// </summary>
public sealed class UnthrottledGatewayFactory : GatewayFactory
{
    public UnthrottledGatewayFactory()
    {
        Settings = new() { ["PolicingHub:Limits:PermitPerSecond"] = "1000000" };
    }
}
