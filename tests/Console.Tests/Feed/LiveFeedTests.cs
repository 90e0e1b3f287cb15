using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Console.Feed;
using PolicingHub.Console.Session;
using PolicingHub.Console.Shared;
using PolicingHub.Console.Tests.Support;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Tests.Feed;

/// <summary>The live feed's resilience: retry with the attempt shown, resubscribe after the last position, never deliver one twice.</summary>
public sealed class LiveFeedTests : ConsoleTestContext
{
    private readonly List<long> _delivered = [];

    public LiveFeedTests()
    {
        Hub.Answer("GET", "/api/me", HttpStatusCode.OK, Tokens.MeJson("partner", "JP-NPA"));
    }

    [Fact]
    public async Task After_the_connection_drops_the_feed_subscribes_again_after_the_last_position_and_delivers_no_position_twice()
    {
        var (feed, state) = await SignedInFeedAsync();
        state.WaitForAssertion(() => Assert.Equal("live", state.Find("[data-testid=connection]").GetAttribute("data-status")));
        var first = Connections.Created[0];
        Assert.Equal(0, first.SubscribedAfter);
        foreach (var position in new long[] { 1, 2, 3 })
        {
            first.Deliver(Event(position));
        }

        first.Close();
        state.WaitForAssertion(() => Assert.Equal("reconnecting", state.Find("[data-testid=connection]").GetAttribute("data-status")));
        feed.RetryNow();
        state.WaitForAssertion(() => Assert.Equal("live", state.Find("[data-testid=connection]").GetAttribute("data-status")));
        var second = Connections.Created[1];
        second.Deliver(Event(3));
        second.Deliver(Event(4));

        Assert.Equal(3, second.SubscribedAfter);
        Assert.Equal([1, 2, 3, 4], _delivered);
        state.WaitForAssertion(() => Assert.Contains("Live · up to #4", state.Markup));
    }

    [Fact]
    public async Task When_the_hub_drops_the_console_with_a_reason_the_page_shows_it_while_it_reconnects()
    {
        var (feed, state) = await SignedInFeedAsync();
        state.WaitForAssertion(() => Assert.Equal("live", state.Find("[data-testid=connection]").GetAttribute("data-status")));

        Connections.Created[0].Close("too far behind; reconnect to resume");

        state.WaitForAssertion(() => Assert.Equal("The hub closed the connection: too far behind; reconnect to resume.",
            state.Find("[data-testid=connection-problem]").TextContent));
        Assert.Equal(feed.LastProblem, state.Find("[data-testid=connection-problem]").TextContent);
    }

    [Fact]
    public async Task While_the_hub_is_down_the_page_says_reconnecting_with_the_attempt_and_comes_back_live_by_itself()
    {
        Connections.FailNextStarts = 2;
        var (feed, state) = await SignedInFeedAsync();

        state.WaitForAssertion(() => Assert.Contains("Reconnecting (attempt 1, next in", state.Markup));
        Assert.Equal("The hub cannot be reached.", state.Find("[data-testid=connection-problem]").TextContent);
        feed.RetryNow();
        state.WaitForAssertion(() => Assert.Contains("Reconnecting (attempt 2, next in", state.Markup));
        feed.RetryNow();

        state.WaitForAssertion(() => Assert.Equal("live", state.Find("[data-testid=connection]").GetAttribute("data-status")));
        Assert.Equal(3, Connections.Created.Count);
        Assert.All(Connections.Created, c => Assert.True(c.SubscribedAfter is null or 0));
    }

    private async Task<(LiveFeed Feed, IRenderedComponent<ConnectionState> State)> SignedInFeedAsync()
    {
        var session = Services.GetRequiredService<ConsoleSession>();
        Assert.True((await session.SignInAsync(Tokens.With("partner", "JP-NPA", DateTimeOffset.UtcNow.AddHours(1)))).Succeeded);
        var feed = Services.GetRequiredService<LiveFeed>();
        feed.Received += e => _delivered.Add(e.Position);
        var state = Render<ConnectionState>();
        feed.Start();
        return (feed, state);
    }

    private static FeedEvent Event(long position) =>
        new(position, "task/T-1", position, "task.update-posted", DateTimeOffset.UtcNow, JsonDocument.Parse("{}").RootElement);
}
