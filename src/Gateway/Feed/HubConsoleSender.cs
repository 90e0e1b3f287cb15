using Microsoft.AspNetCore.SignalR;
using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Feed;

/// <summary>Sends through <see cref="IHubContext{THub}"/> to a single connection, so each connection's order is its outbox's order.</summary>
internal sealed class HubConsoleSender(IHubContext<ConsoleHub> hub) : IConsoleSender
{
    public const string EventMethod = PolicingHub.Contracts.Feed.ConsoleHubProtocol.EventMethod;

    public const string ClosedMethod = PolicingHub.Contracts.Feed.ConsoleHubProtocol.ClosedMethod;

    public Task SendEventAsync(string connectionId, EventEnvelope envelope, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).SendAsync(EventMethod, envelope, cancellationToken);

    public Task SendClosedAsync(string connectionId, string reason) =>
        hub.Clients.Client(connectionId).SendAsync(ClosedMethod, reason);
}
