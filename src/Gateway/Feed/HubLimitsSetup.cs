using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Feed;

/// <summary>Applies <see cref="HubLimitsOptions"/> to SignalR: message size, keep-alive, idle and handshake timeouts, one call at a time, the call guard, the closer of revoked tokens' connections.</summary>
internal sealed class HubLimitsSetup(IOptions<HubLimitsOptions> limits) : IConfigureOptions<HubOptions>
{
    public void Configure(HubOptions options)
    {
        var value = limits.Value;
        options.MaximumReceiveMessageSize = value.MaxMessageBytes;
        options.KeepAliveInterval = value.KeepAliveInterval;
        options.ClientTimeoutInterval = value.ClientTimeout;
        options.HandshakeTimeout = value.HandshakeTimeout;
        options.MaximumParallelInvocationsPerClient = 1;
        options.EnableDetailedErrors = false;
        options.AddFilter<HubCallGuard>();
        options.AddFilter<RevokedConnectionCloser>();
    }
}
