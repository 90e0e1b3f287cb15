using Microsoft.AspNetCore.SignalR;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;
using static PolicingHub.Gateway.Tests.Support.SampleEvents;

namespace PolicingHub.Gateway.Tests.Feed;

public sealed class ConsoleFeedTests
{
    private const string Hub = "KR-KNPA";
    private const string Npa = "JP-NPA";
    private const string Rcmp = "CA-RCMP";

    /// <summary>Agencies, one KR–JP agreement (GREEN and RED tasks to JP), a refused command (position 8, nobody's) and one KR–CA agreement; positions 1..9.</summary>
    private static async Task History(FeedHarness h)
    {
        foreach (var agency in new[] { Hub, Npa, Rcmp })
        {
            await h.CommitSilently(AgencyRegistered(agency));
        }
        await h.CommitSilently(AgreementDrafted("MOU-KR-JP", Hub, Npa));
        await h.CommitSilently(AgreementDrafted("MOU-KR-CA", Hub, Rcmp));
        await h.CommitSilently(TaskAssigned("T-GREEN", "MOU-KR-JP", Hub, Npa, HandlingCode.Green));
        await h.CommitSilently(TaskAssigned("T-RED", "MOU-KR-JP", Hub, Npa, HandlingCode.Red));
        await h.CommitSilently(CommandRefused(Partner(Npa)));
        await h.CommitSilently(CommitmentAdded("MOU-KR-CA", Rcmp));
    }

    [Fact]
    public async Task The_index_is_rebuilt_from_the_whole_log_before_the_first_subscription_is_served()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var npa = h.Connect("npa", Partner(Npa));

        Assert.Equal(0, await npa.SubscribeAsync(0));

        Assert.Equal([2, 4, 6, 7], await npa.Received(4));
        Assert.Equal(9, h.Feed.ProcessedPosition);
    }

    [Fact]
    public async Task A_subscriber_gets_every_entitled_event_after_its_position_in_order_then_live_ones()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var coordinator = h.Connect("coord", Coordinator);
        var npa = h.Connect("npa", Partner(Npa));
        var ops = h.Connect("ops", Operator);

        Assert.Equal(4, await coordinator.SubscribeAsync(4));
        Assert.Equal(4, await npa.SubscribeAsync(4));
        Assert.Equal(0, await ops.SubscribeAsync(0));
        Assert.Equal([5, 6, 7, 9], await coordinator.Received(4));

        await h.Commit(TaskAcknowledged("T-RED", Npa));          // 10
        await h.Commit(AgencyStatusChanged(Rcmp, 1));           // 11
        await h.Commit(AgencyStatusChanged(Npa, 1));            // 12

        Assert.Equal([5, 6, 7, 9, 10, 11, 12], await coordinator.Received(7));
        Assert.Equal([6, 7, 10, 12], await npa.Received(4));
        Assert.Equal([11, 12], await ops.Received(2)); // presence only: no registrations (names, liaison contacts)
    }

    [Fact]
    public async Task Events_committed_while_a_console_replays_arrive_exactly_once_and_in_order()
    {
        await using var h = await FeedHarness.StartAsync(new ConsoleFeedOptions { PageSize = 3, OutboxCapacity = 4096 });
        const int total = 1500;
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                await h.Commit(i % 3 == 0 ? AgencyStatusChanged(Rcmp, i) : AgencyStatusChanged(Npa, i));
            }
        });
        var consoles = Enumerable.Range(0, 8).Select(i => h.Connect($"c{i}", i % 2 == 0 ? Partner(Npa) : Coordinator)).ToArray();

        foreach (var console in consoles)
        {
            await console.SubscribeAsync(0);
        }
        await writer.Within();

        long[] npaPositions = [.. Enumerable.Range(1, total).Where(p => (p - 1) % 3 != 0).Select(p => (long)p)];
        long[] allPositions = [.. Enumerable.Range(1, total).Select(p => (long)p)];
        for (var i = 0; i < consoles.Length; i++)
        {
            var expected = i % 2 == 0 ? npaPositions : allPositions;
            Assert.Equal(expected, await consoles[i].Received(expected.Length));
        }
    }

    [Fact]
    public async Task A_replay_leaves_out_a_task_reassigned_away_while_offline_but_the_reassignment_and_gives_the_new_assignee_no_earlier_history()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var watcher = h.Connect("watcher", Coordinator);
        await watcher.SubscribeAsync(9);
        await h.Commit(TaskAcknowledged("T-RED", Npa));                                   // 10
        await h.Commit(TaskReassigned("T-RED", "MOU-KR-JP", Npa, Hub, HandlingCode.Red)); // 11
        await h.Commit(AgencyStatusChanged(Npa, 1));                                      // 12
        await watcher.Received(3);
        var npa = h.Connect("npa", Partner(Npa));
        var hub = h.Connect("hub", Partner(Hub));

        await npa.SubscribeAsync(0);
        await hub.SubscribeAsync(0);

        Assert.Equal([2, 4, 6, 11, 12], await npa.Received(5));
        Assert.Equal([1, 4, 5, 6, 9, 11], await hub.Received(6)); // not 7 or 10: T-RED was JP-NPA's then
    }

    [Fact]
    public async Task A_connected_console_is_told_when_its_task_is_reassigned_away_and_then_hears_no_more_of_it()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var npa = h.Connect("npa", Partner(Npa));
        await npa.SubscribeAsync(9);

        await h.Commit(TaskReassigned("T-RED", "MOU-KR-JP", Npa, Hub, HandlingCode.Red)); // 10
        await h.Commit(TaskUpdatePosted("T-RED", Hub));                                    // 11
        await h.Commit(AgencyStatusChanged(Npa, 1));                                       // 12

        Assert.Equal([10, 12], await npa.Received(2));
    }

    [Fact]
    public async Task A_commands_accepted_record_reaches_no_console_live_or_replayed_while_the_event_beside_it_does()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var live = h.Connect("live", Coordinator);
        var npa = h.Connect("npa", Partner(Npa));
        await live.SubscribeAsync(9);
        await npa.SubscribeAsync(9);

        await h.Commit(TaskAcknowledged("T-GREEN", Npa));                                  // 10
        await h.Commit(CommandAccepted("task/T-GREEN", Partner(Npa)));                     // 11
        await h.Commit(AgencyStatusChanged(Npa, 1));                                       // 12
        var replaying = h.Connect("replaying", Coordinator);
        await replaying.SubscribeAsync(0);

        Assert.Equal([10, 12], await live.Received(2));
        Assert.Equal([10, 12], await npa.Received(2));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9, 10, 12], await replaying.Received(10));
    }

    [Fact]
    public async Task A_position_below_zero_resumes_from_the_start_and_one_beyond_the_log_from_its_end()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var early = h.Connect("early", Coordinator);
        var late = h.Connect("late", Coordinator);

        Assert.Equal(0, await early.SubscribeAsync(-5));
        Assert.Equal(9, await late.SubscribeAsync(1_000));
        await h.Commit(AgencyStatusChanged(Npa, 1));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9, 10], await early.Received(9));
        Assert.Equal([10], await late.Received(1));
    }

    [Fact]
    public async Task A_second_subscribe_on_the_same_connection_is_refused()
    {
        await using var h = await FeedHarness.StartAsync();
        var console = h.Connect("c", Coordinator);
        await console.SubscribeAsync(0);

        var error = await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync(0));

        Assert.Equal("This connection is already subscribed.", error.Message);
    }

    [Fact]
    public async Task A_token_without_a_known_role_receives_nothing()
    {
        await using var h = await FeedHarness.StartAsync(before: History);
        var nobody = h.Connect("nobody", null);
        var coordinator = h.Connect("coord", Coordinator);
        await nobody.SubscribeAsync(0);
        await coordinator.SubscribeAsync(0);

        await h.Commit(AgencyStatusChanged(Npa, 1));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9, 10], await coordinator.Received(9));
        Assert.Empty(nobody.ReceivedSoFar);
    }

    [Fact]
    public async Task A_disconnected_console_is_sent_nothing_more()
    {
        await using var h = await FeedHarness.StartAsync();
        var gone = h.Connect("gone", Coordinator);
        var stays = h.Connect("stays", Coordinator);
        await gone.SubscribeAsync(0);
        await stays.SubscribeAsync(0);
        await h.Commit(AgencyStatusChanged(Npa, 1));
        await gone.Received(1);

        h.Feed.Disconnect("gone");
        await h.Commit(AgencyStatusChanged(Npa, 2));

        Assert.Equal([1, 2], await stays.Received(2));
        Assert.Equal([1], gone.ReceivedSoFar);
        Assert.Equal(1, h.Feed.ConnectionCount);
    }

    [Fact]
    public async Task A_stalled_console_holds_up_nobody_and_once_it_drains_catches_up_exactly_from_the_log()
    {
        await using var h = await FeedHarness.StartAsync(new ConsoleFeedOptions { OutboxCapacity = 16, PageSize = 5 });
        var slow = h.Connect("slow", Coordinator);
        var fast = h.Connect("fast", Coordinator);
        await slow.SubscribeAsync(0);
        await fast.SubscribeAsync(0);
        await h.Commit(AgencyStatusChanged(Npa, 0));
        await slow.Received(1);
        h.Sender.Stall("slow");

        for (var i = 1; i <= 100; i++)
        {
            await h.Commit(AgencyStatusChanged(Npa, i));
        }
        long[] all = [.. Enumerable.Range(1, 101).Select(p => (long)p)];
        Assert.Equal(all, await fast.Received(101));
        Assert.Equal([1], slow.ReceivedSoFar);

        h.Sender.Release("slow");
        Assert.Equal(all, await slow.Received(101));
        await h.Commit(AgencyStatusChanged(Npa, 101));

        Assert.Equal([.. all, 102], await slow.Received(102));
        Assert.Equal([.. all, 102], await fast.Received(102));
        Assert.Empty(h.Sender.Closed);
        Assert.Equal(2, h.Feed.ConnectionCount);
    }

    [Fact]
    public async Task A_console_catching_up_after_falling_behind_is_still_told_of_a_task_taken_away_meanwhile()
    {
        await using var h = await FeedHarness.StartAsync(new ConsoleFeedOptions { OutboxCapacity = 16, PageSize = 5 }, History);
        var npa = h.Connect("npa", Partner(Npa));
        await npa.SubscribeAsync(9);
        await h.Commit(AgencyStatusChanged(Npa, 0));                                       // 10
        await npa.Received(1);
        h.Sender.Stall("npa");

        for (var i = 1; i <= 30; i++)
        {
            await h.Commit(AgencyStatusChanged(Npa, i));                                   // 11..40
        }
        await h.Commit(TaskReassigned("T-RED", "MOU-KR-JP", Npa, Hub, HandlingCode.Red)); // 41
        await h.Commit(TaskUpdatePosted("T-RED", Hub));                                    // 42
        await h.Commit(AgencyStatusChanged(Npa, 31));                                      // 43
        h.Sender.Release("npa");

        Assert.Equal([.. Enumerable.Range(10, 32).Select(p => (long)p), 43], await npa.Received(33));
    }

    [Fact]
    public async Task The_pump_survives_a_failing_read_and_catches_up_on_the_safety_tick()
    {
        await using var h = await FeedHarness.StartAsync();
        var console = h.Connect("c", Coordinator);
        await console.SubscribeAsync(0);

        h.Log.FailingReads = 1;
        await h.Commit(AgencyStatusChanged(Npa, 1));
        await h.Log.ReadFailed.Task.Within();
        await h.CommitSilently(AgencyStatusChanged(Npa, 2));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([1, 2], await console.Received(2));
    }

    [Fact]
    public async Task Events_committed_without_a_doorbell_are_picked_up_on_the_safety_tick()
    {
        await using var h = await FeedHarness.StartAsync();
        var console = h.Connect("c", Coordinator);
        await console.SubscribeAsync(0);

        await h.CommitSilently(AgencyStatusChanged(Npa, 1));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([1], await console.Received(1));
    }
}
