using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using static PolicingHub.Gateway.Tests.Feed.FeedScenario;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>The console hub over real WebSockets against the whole in-process silo.</summary>
public sealed class ConsoleHubTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();
    private readonly List<ConsoleClient> _clients = [];

    private FeedScenario Scenario => new(_factory.Grains);

    private IEventLog Log => _factory.Services.GetRequiredService<IEventLog>();

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        await _factory.DisposeAsync();
    }

    private async Task<ConsoleClient> ConnectAsync(string token, long afterPosition = 0)
    {
        var (client, resumedFrom) = await ConsoleClient.ConnectAsync(_factory.Server, token, afterPosition);
        _clients.Add(client);
        Assert.Equal(afterPosition, resumedFrom);
        return client;
    }

    private static bool IsStatusOf(EventEnvelope e, string agency, int consolesOnline) =>
        e.Type == "agency.status-changed" && e.Stream == $"agency/{agency}"
        && e.Data.GetProperty("status").GetProperty("consolesOnline").GetInt32() == consolesOnline;

    /// <summary>Waits until <paramref name="client"/> has the last event of <paramref name="expected"/>, then compares everything it got.</summary>
    private static async Task AssertReceivesExactlyAsync(ConsoleClient client, long[] expected)
    {
        Assert.NotEmpty(expected);
        await client.WaitForPositionAsync(expected[^1]);
        Assert.Equal(expected, client.Positions);
    }

    /// <summary>The positions on the chosen streams after <paramref name="after"/>, leaving out command.accepted records (never sent).</summary>
    private static long[] PositionsIn(IReadOnlyList<EventEnvelope> log, Func<string, bool> stream, long after = 0) =>
        [.. log.Where(e => e.Position > after && stream(e.Stream) && e.Type != CommandAccepted.TypeName).Select(e => e.Position)];

    [Fact]
    public async Task Each_console_receives_exactly_the_events_its_token_entitles_it_to_live_and_replayed()
    {
        await Scenario.RegisterAgenciesAsync();
        var npa = await ConnectAsync(_factory.PartnerToken(Npa));
        var rcmp = await ConnectAsync(_factory.PartnerToken(Rcmp));
        var fbi = await ConnectAsync(_factory.PartnerToken(Fbi));
        var coordinator = await ConnectAsync(_factory.CoordinatorToken());
        var ops = await ConnectAsync(_factory.OperatorToken());

        await Scenario.CreateAsync();
        var latecomer = await ConnectAsync(_factory.PartnerToken(Npa, "desk-JP-NPA-night"));
        foreach (var agency in new[] { Npa, Rcmp, Fbi })
        {
            await Scenario.SetReadinessAsync(agency, Readiness.Elevated);
        }
        var log = await ReadLogAsync(Log);

        var npaExpected = PositionsIn(log, PartnerStreams[Npa].Contains);
        await AssertReceivesExactlyAsync(npa, npaExpected);
        await AssertReceivesExactlyAsync(latecomer, npaExpected);
        await AssertReceivesExactlyAsync(rcmp, PositionsIn(log, PartnerStreams[Rcmp].Contains));
        await AssertReceivesExactlyAsync(fbi, PositionsIn(log, PartnerStreams[Fbi].Contains));
        await AssertReceivesExactlyAsync(coordinator, PositionsIn(log, s => s.StartsWith("agency/") || s.StartsWith("agreement/") || s.StartsWith("task/")));
        // Operators: presence only, never a registration (names, liaison contacts).
        await AssertReceivesExactlyAsync(ops, [.. log.Where(e => e.Stream.StartsWith("agency/") && e.Type == "agency.status-changed").Select(e => e.Position)]);
        Assert.Equal(log.Where(e => npaExpected.Contains(e.Position)), npa.Events, EnvelopeComparer.Instance);
    }

    [Fact]
    public async Task A_console_that_reconnects_with_its_last_position_gets_exactly_the_missed_events_it_may_still_see_then_live_ones()
    {
        await Scenario.CreateAsync();
        await Scenario.AssignAsync("T-TRI-RED", "MOU-KR-JP-US", Hub, Npa, HandlingCode.Red);
        var observer = await ConnectAsync(_factory.CoordinatorToken());
        var first = await ConnectAsync(_factory.PartnerToken(Npa));
        var beforeDisconnect = await ReadLogAsync(Log);
        await AssertReceivesExactlyAsync(first, PositionsIn(beforeDisconnect, s => PartnerStreams[Npa].Contains(s) || s == "task/T-TRI-RED"));
        var lastSeen = first.LastPosition;
        await first.Connection.StopAsync().Within();
        await observer.WaitForAsync(e => e.Position > lastSeen && IsStatusOf(e, Npa, 0));

        await _factory.Grains.GetGrain<ICooperationTaskGrain>("T-TRI-RED")
            .Reassign(new ReassignTask(Coordinator, new AgencyCode(Fbi), "JP desk offline"));
        await _factory.Grains.GetGrain<ICooperationTaskGrain>("T-JP-RED")
            .Accept(new AcceptTask(PartnerOf(Npa)));
        await Scenario.AssignAsync("T-CA-2", "MOU-KR-CA", Hub, Rcmp, HandlingCode.Green);
        await Scenario.AssignAsync("T-JP-2", "MOU-KR-JP", Hub, Npa, HandlingCode.AmberStrict);
        var offline = await ReadLogAsync(Log);
        await observer.WaitForPositionAsync(offline.Last(HubState.IsDomainEvent).Position);
        var second = await ConnectAsync(_factory.PartnerToken(Npa), lastSeen);
        await Scenario.SetReadinessAsync(Npa, Readiness.Critical);
        var log = await ReadLogAsync(Log);

        // Of the task reassigned away while offline, only the reassignment itself (so the console drops the task).
        var reassignedAway = log.Single(e => e.Stream == "task/T-TRI-RED" && e.Type == "task.reassigned").Position;
        long[] missedAndLive = [.. PositionsIn(log, s => PartnerStreams[Npa].Contains(s) || s == "task/T-JP-2", after: lastSeen).Append(reassignedAway).Order()];
        await AssertReceivesExactlyAsync(second, missedAndLive);
        Assert.Equal(["task.reassigned"], second.Events.Where(e => e.Stream == "task/T-TRI-RED").Select(e => e.Type));
        Assert.DoesNotContain(second.Events, e => e.Stream == "task/T-CA-2");
        Assert.Equal(missedAndLive.Length, second.Positions.Distinct().Count());
    }

    [Fact]
    public async Task Each_event_reaches_the_client_as_one_camel_case_envelope()
    {
        var client = await ConnectAsync(_factory.CoordinatorToken());

        await Scenario.RegisterAsync(Rcmp);
        var registered = await client.WaitForAsync(e => e.Stream == "agency/CA-RCMP");
        var envelope = client.RawEvents.Single(e => e.GetProperty("position").GetInt64() == registered.Position);

        Assert.Equal(["position", "stream", "sequence", "type", "occurredAt", "data"], envelope.EnumerateObject().Select(p => p.Name));
        Assert.Equal("agency/CA-RCMP", envelope.GetProperty("stream").GetString());
        Assert.Equal("agency.registered", envelope.GetProperty("type").GetString());
        Assert.Equal(1, envelope.GetProperty("sequence").GetInt64());
        Assert.Equal("CA-RCMP", envelope.GetProperty("data").GetProperty("agency").GetString());
    }

    [Fact]
    public async Task A_connection_without_a_token_is_refused_with_401()
    {
        var client = ConsoleClient.Create(_factory.Server, token: null);
        await using var _ = client;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.StartAsync().Within());
        using var http = _factory.CreateClient();
        var negotiate = await http.PostAsync("/hubs/console/negotiate?negotiateVersion=1", null);

        Assert.Contains("401", error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task A_connection_with_a_forged_token_is_refused_with_401()
    {
        var forged = _factory.PartnerToken(Npa)[..^4] + "AAAA";
        var client = ConsoleClient.Create(_factory.Server, forged);
        await using var _ = client;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.StartAsync().Within());

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task A_console_is_disconnected_when_its_token_expires()
    {
        await Scenario.RegisterAgenciesAsync();
        var shortLived = _factory.Services.GetRequiredService<TokenIssuer>().Issue(ActorRole.Partner, Npa, "desk-short", TimeSpan.FromSeconds(4));
        var client = await ConnectAsync(shortLived);

        await client.ClosedWith.Task.Within();

        Assert.Equal(HubConnectionState.Disconnected, client.Connection.State);
    }

    [Fact]
    public async Task A_partner_console_connecting_and_disconnecting_changes_its_agencys_consoles_online()
    {
        await Scenario.RegisterAsync(Npa);
        var agency = _factory.Grains.GetGrain<IAgencyGrain>(Npa);
        var observer = await ConnectAsync(_factory.CoordinatorToken());

        var day = await ConnectAsync(_factory.PartnerToken(Npa, "desk-day"));
        Assert.Equal(1, (await agency.Get()).Presence.ConsolesOnline);
        var night = await ConnectAsync(_factory.PartnerToken(Npa, "desk-night"));
        Assert.Equal(2, (await agency.Get()).Presence.ConsolesOnline);
        await ConnectAsync(_factory.OperatorToken());
        Assert.Equal(2, (await agency.Get()).Presence.ConsolesOnline);

        await day.Connection.StopAsync().Within();
        await night.Connection.StopAsync().Within();
        var online = await observer.WaitUntilAsync(events => ConsolesOnline(events, Npa).Length == 5);

        Assert.Equal(0, (await agency.Get()).Presence.ConsolesOnline);
        Assert.Equal([0, 1, 2, 1, 0], ConsolesOnline(online, Npa));
    }

    private static int[] ConsolesOnline(IEnumerable<EventEnvelope> events, string agency) =>
        [.. events.Where(e => e.Stream == $"agency/{agency}" && e.Type == "agency.status-changed")
            .Select(e => e.Data.GetProperty("status").GetProperty("consolesOnline").GetInt32())];

    /// <summary>Compares what the client received with what the log holds, field by field (data as raw JSON).</summary>
    private sealed class EnvelopeComparer : IEqualityComparer<EventEnvelope>
    {
        public static readonly EnvelopeComparer Instance = new();

        public bool Equals(EventEnvelope? x, EventEnvelope? y) => x is not null && y is not null
            && x.Position == y.Position && x.Stream == y.Stream && x.Sequence == y.Sequence && x.Type == y.Type
            && x.OccurredAt == y.OccurredAt && JsonElement.DeepEquals(x.Data, y.Data);

        public int GetHashCode(EventEnvelope obj) => obj.Position.GetHashCode();
    }
}
