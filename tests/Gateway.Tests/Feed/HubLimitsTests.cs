using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>The hub's limits with the real SignalR .NET client over WebSockets: message size, call rate, connections per agency, idle timeout.</summary>
public sealed class HubLimitsTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new()
    {
        Settings =
        {
            ["PolicingHub:Hub:MaxMessageBytes"] = "1024",
            ["PolicingHub:Hub:CallsPerSecond"] = "3",
            ["PolicingHub:Hub:MaxConnectionsPerAgency"] = "2",
            ["PolicingHub:Hub:KeepAliveInterval"] = "00:00:01",
            ["PolicingHub:Hub:ClientTimeout"] = "00:00:02",
        },
    };

    private readonly List<ConsoleClient> _clients = [];

    public async Task InitializeAsync() => await new FeedScenario(_factory.Grains).RegisterAgenciesAsync();

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        await _factory.DisposeAsync();
    }

    private async Task<ConsoleClient> StartAsync(string token, Action<HubConnection>? configure = null)
    {
        var client = ConsoleClient.Create(_factory.Server, token);
        _clients.Add(client);
        configure?.Invoke(client.Connection);
        await client.Connection.StartAsync().Within();
        return client;
    }

    [Fact]
    public async Task A_message_larger_than_the_limit_closes_the_connection_and_others_stay()
    {
        var big = await StartAsync(_factory.PartnerToken(FeedScenario.Npa));
        var other = await StartAsync(_factory.CoordinatorToken());

        _ = big.Connection.SendAsync("Subscribe", new string('9', 4096));
        var error = await big.ClosedWith.Task.Within();

        Assert.NotNull(error);
        Assert.Equal(HubConnectionState.Connected, other.Connection.State);
        Assert.Equal(0, await other.SubscribeAsync(0));
    }

    [Fact]
    public async Task Hub_calls_beyond_the_per_connection_rate_are_refused_with_an_error()
    {
        var client = await StartAsync(_factory.CoordinatorToken());
        var errors = new List<string>();

        for (var i = 0; i < 20; i++)
        {
            try
            {
                await client.Connection.InvokeAsync<long>("Subscribe", 0L).Within();
            }
            catch (HubException e)
            {
                errors.Add(e.Message);
            }
        }

        // The first call subscribes, the next two are refused as duplicates, the rest (well over a second's bucket) as too many.
        Assert.Contains(errors, e => e.Contains("already subscribed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Too many hub calls: at most 3 per second.", StringComparison.Ordinal));
        Assert.True(errors.Count(e => e.Contains("Too many hub calls", StringComparison.Ordinal)) >= 8);
    }

    [Fact]
    public async Task A_connection_beyond_the_agencys_cap_is_closed_while_the_first_ones_and_other_agencies_stay()
    {
        var observer = await StartAsync(_factory.CoordinatorToken());
        await observer.SubscribeAsync(0);
        var first = await StartAsync(_factory.PartnerToken(FeedScenario.Npa, "desk-1"));
        var second = await StartAsync(_factory.PartnerToken(FeedScenario.Npa, "desk-2"));
        var third = await StartAsync(_factory.PartnerToken(FeedScenario.Npa, "desk-3"));
        var otherAgency = await StartAsync(_factory.PartnerToken(FeedScenario.Rcmp));

        await third.ClosedWith.Task.Within();

        Assert.Equal(0, await first.SubscribeAsync(0));
        Assert.Equal(0, await second.SubscribeAsync(0));
        Assert.Equal(0, await otherAgency.SubscribeAsync(0));
        await first.Connection.StopAsync().Within();
        // The server has handled the disconnect once the agency's presence shows one console again (0 on registration, 1, 2, then 1).
        await observer.WaitUntilAsync(events => NpaConsolesOnline(events).SequenceEqual([0, 1, 2, 1]));
        var again = await StartAsync(_factory.PartnerToken(FeedScenario.Npa, "desk-3"));
        Assert.Equal(0, await again.SubscribeAsync(0)); // a slot freed by a disconnect is usable again
    }

    private static int[] NpaConsolesOnline(IEnumerable<PolicingHub.EventLog.EventEnvelope> events) =>
        [.. events.Where(e => e.Stream == $"agency/{FeedScenario.Npa}" && e.Type == "agency.status-changed")
            .Select(e => e.Data.GetProperty("status").GetProperty("consolesOnline").GetInt32())];

    [Fact]
    public async Task A_client_that_sends_nothing_for_the_idle_timeout_is_disconnected_while_a_pinging_one_stays()
    {
        var silent = await StartAsync(_factory.PartnerToken(FeedScenario.Rcmp, "desk-silent"), c =>
        {
            c.KeepAliveInterval = TimeSpan.FromMinutes(5); // never pings within the test
            c.ServerTimeout = TimeSpan.FromMinutes(10);
        });
        var pinging = await StartAsync(_factory.PartnerToken(FeedScenario.Fbi, "desk-pinging"), c => c.KeepAliveInterval = TimeSpan.FromMilliseconds(500));

        await silent.ClosedWith.Task.Within();

        Assert.Equal(HubConnectionState.Disconnected, silent.Connection.State);
        Assert.Equal(HubConnectionState.Connected, pinging.Connection.State);
        Assert.Equal(0, await pinging.SubscribeAsync(0));
    }
}
