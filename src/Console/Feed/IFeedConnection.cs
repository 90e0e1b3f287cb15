using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Feed;

/// <summary>One connection to the console hub: start, subscribe after a position, receive events, learn when it closed.</summary>
public interface IFeedConnection : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Subscribe(afterPosition): the hub replays what the console missed, then sends live; returns the position resumed from.</summary>
    Task<long> SubscribeAsync(long afterPosition, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the connection is gone (server stopped, network lost, token expired), with the reason the hub
    /// gave before dropping it ("feed-closed": a token revoked, a console too far behind), or null when it gave none.
    /// </summary>
    Task<string?> Closed { get; }
}
