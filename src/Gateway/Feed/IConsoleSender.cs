using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Feed;

/// <summary>Delivers to one console connection; the hub context in production, a recorder in tests.</summary>
internal interface IConsoleSender
{
    /// <summary>Sends one envelope to the client method "event"; completes when the connection accepted it.</summary>
    Task SendEventAsync(string connectionId, EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Best effort: tells the client method "feed-closed" why the server is dropping it.</summary>
    Task SendClosedAsync(string connectionId, string reason);
}
