using PolicingHub.EventLog;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;
using static PolicingHub.Gateway.Tests.Support.SampleEvents;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>
/// DESIGN.md §4.7 end to end through the feed: an always-online console, one that reconnects with its last position
/// and one that replays everything at the end, for every kind of console, compared event by event with each other and
/// with <see cref="EntitlementRules"/> (the rules stated independently in the tests).
/// </summary>
public sealed class ReplayRuleTests
{
    private const string Kr = "KR-KNPA";   // requester, party
    private const string Jp = "JP-NPA";    // assignee, then previous assignee
    private const string Ca = "CA-RCMP";   // party, then the new assignee
    private const string Us = "US-FBI";    // never a party
    private const string Mou = "MOU-A";

    /// <summary>Every kind of console: partner of a party, of a non-party, the (new) assignee, the previous assignee, coordinator, operator.</summary>
    private static readonly (string Name, Actor Actor)[] Kinds =
    [
        ("party", Partner(Kr)), ("non-party", Partner(Us)), ("assignee", Partner(Ca)), ("previous-assignee", Partner(Jp)),
        ("coordinator", Coordinator), ("operator", Operator),
    ];

    private readonly List<(EventEnvelope Envelope, object Event)> _log = [];

    private async Task<long> Commit(FeedHarness h, SampleEvent sample)
    {
        var envelope = await h.Commit(sample);
        _log.Add((envelope, sample.Event));
        return envelope.Position;
    }

    /// <summary>
    /// Commits the events and waits until the feed has processed them: a console that connects next then replays with
    /// "now" at the last of them, as the rules below assume (connecting while the feed is still behind judges "now" at
    /// the position the feed has reached, which is right, but not what the expected lists state).
    /// </summary>
    private async Task<long> CommitAll(FeedHarness h, params SampleEvent[] samples)
    {
        var last = 0L;
        foreach (var sample in samples)
        {
            last = await Commit(h, sample);
        }
        await PolicingHub.Testing.Eventually.Until(() => Task.FromResult(h.Feed.ProcessedPosition >= last),
            () => $"the feed processed up to {h.Feed.ProcessedPosition}, not {last}");
        return last;
    }

    /// <summary>A presence event for every agency: each console kind receives at least one, so waiting on counts ends.</summary>
    private static SampleEvent[] Presence(int consoles) => [.. new[] { Kr, Jp, Ca, Us }.Select(a => AgencyStatusChanged(a, consoles))];

    private static SampleEvent[] Beginning() =>
    [
        AgencyRegistered(Kr), AgencyRegistered(Jp), AgencyRegistered(Ca), AgencyRegistered(Us),
        AgreementDrafted(Mou, Kr, Jp, Ca), AgreementSigned(Mou), CommitmentAdded(Mou, Jp),
        TaskAssigned("T-RED", Mou, Kr, Jp, HandlingCode.Red), TaskAssigned("T-GREEN", Mou, Kr, Jp, HandlingCode.Green),
        TaskAcknowledged("T-RED", Jp), TaskUpdatePosted("T-RED", Jp),
    ];

    /// <summary>What each lifecycle path commits while the reconnecting consoles are offline (after <see cref="Beginning"/>).</summary>
    private static SampleEvent[] WhileOffline(string path) => path switch
    {
        "reassign" => [TaskUpdatePosted("T-RED", Jp), TaskReassigned("T-RED", Mou, Jp, Ca, HandlingCode.Red), TaskAcknowledged("T-RED", Ca), TaskUpdatePosted("T-GREEN", Jp)],
        "suspend" => [TaskUpdatePosted("T-RED", Jp), AgreementStatusChanged(Mou, AgreementStatus.Active, AgreementStatus.Suspended, Kr, Jp, Ca), CommitmentOverdue(Mou, Jp)],
        "resume" => [AgreementStatusChanged(Mou, AgreementStatus.Active, AgreementStatus.Suspended, Kr, Jp, Ca),
            AgreementStatusChanged(Mou, AgreementStatus.Suspended, AgreementStatus.Active, Kr, Jp, Ca), TaskUpdatePosted("T-GREEN", Jp)],
        "terminate" => [CommitmentWaived(Mou, 1, At), AgreementStatusChanged(Mou, AgreementStatus.Active, AgreementStatus.Terminated, Kr, Jp, Ca), TaskCancelled("T-RED", Jp)],
        "cancel" => [TaskUpdatePosted("T-RED", Jp), TaskCancelled("T-RED", Jp), TaskCompleted("T-GREEN", Jp, onTime: true)],
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    [Theory]
    [InlineData("reassign")]
    [InlineData("suspend")]
    [InlineData("resume")]
    [InlineData("terminate")]
    [InlineData("cancel")]
    public async Task An_always_online_console_and_one_that_reconnects_receive_the_same_events_except_those_revoked_while_offline(string path)
    {
        await using var h = await FeedHarness.StartAsync();
        var online = await SubscribeAllAsync(h, "online", 0);
        var reconnecting = await SubscribeAllAsync(h, "reconnecting", 0);
        var wentOffline = await CommitAll(h, [.. Beginning(), .. Presence(1)]);
        await WaitForExpectedAsync(h, reconnecting, resumedAfter: wentOffline, now: wentOffline);
        foreach (var (_, id) in reconnecting)
        {
            h.Feed.Disconnect(id);
        }

        await CommitAll(h, WhileOffline(path));
        var end = await CommitAll(h, Presence(2));
        var rules = new EntitlementRules(_log);
        var back = new List<(Actor, string)>();
        foreach (var (actor, id) in reconnecting)
        {
            var lastSeen = h.Sender.PositionsOf(id)[^1];
            var again = h.Connect(id + "-again", actor);
            await again.SubscribeAsync(lastSeen);
            back.Add((actor, again.Id));
        }
        await WaitForExpectedAsync(h, online, resumedAfter: end, now: end);
        await WaitForExpectedAsync(h, back, resumedAfter: wentOffline, now: end);

        for (var i = 0; i < Kinds.Length; i++)
        {
            var (kind, actor) = Kinds[i];
            long[] live = [.. h.Sender.PositionsOf(online[i].Id)];
            long[] resumed = [.. h.Sender.PositionsOf(reconnecting[i].Id), .. h.Sender.PositionsOf(back[i].Item2)];
            Assert.Equal(rules.Expected(actor, resumedAfter: end, now: end), live);
            Assert.Equal(rules.Expected(actor, resumedAfter: wentOffline, now: end), resumed);
            // Only the previous assignee on the reassign path lost access while offline: it misses the task's events
            // committed between going offline and the reassignment, and nothing else. Everyone else: identical.
            long[] revoked = path == "reassign" && kind == "previous-assignee" ? [wentOffline + 1] : [];
            Assert.Equal([.. live.Except(revoked)], resumed);
        }
    }

    [Fact]
    public async Task Every_event_kind_reaches_every_console_kind_live_and_replayed_exactly_as_the_rules_say()
    {
        await using var h = await FeedHarness.StartAsync();
        var online = await SubscribeAllAsync(h, "online", 0);
        var half = await SubscribeAllAsync(h, "half", 0);
        var mid = await CommitAll(h, [.. Beginning(), .. Presence(1)]);
        await WaitForExpectedAsync(h, half, resumedAfter: mid, now: mid);
        foreach (var (_, id) in half)
        {
            h.Feed.Disconnect(id);
        }
        var end = await CommitAll(h,
        [
            TaskReassigned("T-RED", Mou, Jp, Ca, HandlingCode.Red), TaskAcknowledged("T-RED", Ca), TaskAccepted("T-RED", Ca), TaskEscalated("T-RED", Ca),
            TaskDeclined("T-GREEN", Jp), TaskReassigned("T-GREEN", Mou, Jp, Kr, HandlingCode.Green), TaskUpdatePosted("T-GREEN", Kr),
            TaskCompleted("T-GREEN", Kr, onTime: true), CommitmentOverdue(Mou, Jp), CommitmentProgressReported(Mou, 1), CommitmentFulfilled(Mou, 1, At.AddDays(31), onTime: false),
            AgreementStatusChanged(Mou, AgreementStatus.Active, AgreementStatus.Suspended, Kr, Jp, Ca),
            AgreementStatusChanged(Mou, AgreementStatus.Suspended, AgreementStatus.Active, Kr, Jp, Ca),
            TaskAssigned("T-AMBER", Mou, Ca, Kr, HandlingCode.Amber), TaskCancelled("T-AMBER", Kr),
            CommitmentAdded(Mou, Ca, number: 2), CommitmentWaived(Mou, 2, At),
            TaskAcknowledged("T-NEVER-ASSIGNED", Us), CommandAccepted("task/T-RED", Partner(Ca)), CommandRefused(Partner(Us)), AuditSealed(3),
            AgreementDrafted("MOU-B", Kr, Us), TaskAssigned("T-CLEAR", "MOU-B", Kr, Us, HandlingCode.Clear),
            AgreementStatusChanged(Mou, AgreementStatus.Active, AgreementStatus.Terminated, Kr, Jp, Ca),
            .. Presence(2),
        ]);
        var rules = new EntitlementRules(_log);
        var back = new List<(Actor, string)>();
        var replayed = new List<(Actor, string)>();
        foreach (var (actor, id) in half)
        {
            var again = h.Connect(id + "-again", actor);
            await again.SubscribeAsync(h.Sender.PositionsOf(id)[^1]);
            back.Add((actor, again.Id));
            var fresh = h.Connect(id + "-fresh", actor);
            await fresh.SubscribeAsync(0);
            replayed.Add((actor, fresh.Id));
        }
        await WaitForExpectedAsync(h, online, resumedAfter: end, now: end);
        await WaitForExpectedAsync(h, back, resumedAfter: mid, now: end);
        await WaitForExpectedAsync(h, replayed, resumedAfter: 0, now: end);

        for (var i = 0; i < Kinds.Length; i++)
        {
            var actor = Kinds[i].Actor;
            Assert.Equal(rules.Expected(actor, resumedAfter: end, now: end), h.Sender.PositionsOf(online[i].Id));
            long[] resumed = [.. h.Sender.PositionsOf(half[i].Id), .. h.Sender.PositionsOf(back[i].Item2)];
            Assert.Equal(rules.Expected(actor, resumedAfter: mid, now: end), resumed);
            Assert.Equal(rules.Expected(actor, resumedAfter: 0, now: end), h.Sender.PositionsOf(replayed[i].Item2));
        }
        // The sweep covered every event kind (21 domain and audit events, plus command.accepted), and every console got something.
        Assert.Equal(22, _log.Select(e => e.Envelope.Type).Distinct().Count());
        Assert.All(online, c => Assert.NotEmpty(h.Sender.PositionsOf(c.Id)));
    }

    private static async Task<List<(Actor Actor, string Id)>> SubscribeAllAsync(FeedHarness h, string prefix, long after)
    {
        var consoles = new List<(Actor, string)>();
        foreach (var (name, actor) in Kinds)
        {
            var console = h.Connect($"{prefix}-{name}", actor);
            await console.SubscribeAsync(after);
            consoles.Add((actor, console.Id));
        }
        return consoles;
    }

    /// <summary>Waits until each console got as many events as the rules give it; the comparisons then show what they were.</summary>
    private async Task WaitForExpectedAsync(FeedHarness h, IEnumerable<(Actor Actor, string Id)> consoles, long resumedAfter, long now)
    {
        var rules = new EntitlementRules(_log);
        foreach (var (actor, id) in consoles)
        {
            var expected = rules.Expected(actor, resumedAfter, now).Count(p => p > FirstPositionOf(h, id));
            await h.Sender.WaitForAsync(id, expected);
        }
    }

    private static long FirstPositionOf(FeedHarness h, string id) => id.EndsWith("-again", StringComparison.Ordinal)
        ? h.Sender.PositionsOf(id[..^"-again".Length])[^1]
        : 0;
}
