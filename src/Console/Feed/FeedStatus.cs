namespace PolicingHub.Console.Feed;

/// <summary>What the page says about its live connection.</summary>
public enum FeedStatus
{
    Offline,
    Connecting,
    Live,
    Reconnecting,
}
