using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Feed;

/// <summary>Makes feed connections carrying a token; events go to <paramref name="received"/> in the hub's order.</summary>
public interface IFeedConnectionFactory
{
    IFeedConnection Create(string token, Action<FeedEvent> received);
}
