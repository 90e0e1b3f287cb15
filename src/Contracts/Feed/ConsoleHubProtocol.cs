namespace PolicingHub.Contracts.Feed;

/// <summary>The console hub's names: its path, the method a console calls once connected, and the methods it receives.</summary>
public static class ConsoleHubProtocol
{
    public const string Path = "/hubs/console";

    /// <summary>Subscribe(afterPosition) → the position resumed from: replays every missed event the console may see, then live.</summary>
    public const string SubscribeMethod = "Subscribe";

    /// <summary>Receives one <see cref="FeedEvent"/>.</summary>
    public const string EventMethod = "event";

    /// <summary>Receives the reason the server is dropping the connection (a console that fell too far behind).</summary>
    public const string ClosedMethod = "feed-closed";
}
