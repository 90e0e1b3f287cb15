using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// The live console hub at <see cref="Path"/>. Thin: the token decides what the connection receives; delivery is the
/// <see cref="ConsoleFeed"/>'s. Clients call Subscribe(afterPosition) once and then receive "event" envelopes
/// {position, stream, sequence, type, occurredAt, data} in position order.
/// </summary>
[Authorize(Policy = GatewayPolicies.Console)]
internal sealed class ConsoleHub(ConsoleFeed feed, ConsolePresence presence) : Hub
{
    public const string Path = PolicingHub.Contracts.Feed.ConsoleHubProtocol.Path;

    public override async Task OnConnectedAsync()
    {
        var actor = ConsolePrincipal.From(Context.User);
        feed.Connect(Context.ConnectionId, actor, Context.Abort);
        await presence.ConnectedAsync(actor, Context.ConnectionId);
    }

    /// <summary>Delivers every missed event this connection is entitled to after <paramref name="afterPosition"/>, then live ones; returns the position resumed from.</summary>
    [Authorize(Policy = GatewayPolicies.Console)]
    public Task<long> Subscribe(long afterPosition) => feed.SubscribeAsync(Context.ConnectionId, afterPosition, Context.ConnectionAborted);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Disconnect(Context.ConnectionId);
        await presence.DisconnectedAsync(ConsolePrincipal.From(Context.User), Context.ConnectionId);
    }
}
