using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Projections;

/// <summary>
/// The read models end to end over REST: commands through the grains, the log, the projector, then the listings,
/// agency views and scorecards (read-your-writes). The domain clock is moved by hand and starts ten days ago, so tasks
/// assigned now are already past their deadlines by the gateway's clock; each test registers agencies of its own.
/// </summary>
public sealed class ReadModelApiTests(ReadModelApiTests.Fixture fixture) : IClassFixture<ReadModelApiTests.Fixture>, IDisposable
{
    private readonly RestScenario _hub = new(fixture.Factory);

    private GatewayFactory Factory => fixture.Factory;

    private FakeTimeProvider DomainClock => fixture.DomainClock;

    [Fact]
    public async Task An_agencys_open_tasks_follow_assignment_decline_completion_cancellation_and_reassignment()
    {
        var (kr, jp, ca) = Three(await _hub.AgenciesAsync("KR", "JP", "CA"));
        var mou = await _hub.ActiveAgreementAsync(kr, jp, ca);
        foreach (var n in Enumerable.Range(1, 5))
        {
            await _hub.AssignAsync($"T-{jp}-{n}", mou, kr, jp);
        }
        var allOpen = await AgencyAsync(jp);

        await _hub.DeclineAsync($"T-{jp}-1", jp);
        await _hub.AnswerAsync($"T-{jp}-2", jp);
        await _hub.CancelAsync($"T-{jp}-3");
        await _hub.ReassignAsync($"T-{jp}-4", ca);

        Assert.Equal([.. Enumerable.Range(1, 5).Select(n => $"T-{jp}-{n}")], allOpen.OpenTasks);
        Assert.Equal(5, allOpen.Status.OpenTasks);
        var japan = await AgencyAsync(jp);
        Assert.Equal([$"T-{jp}-5"], japan.OpenTasks);
        Assert.Equal(1, japan.Status.OpenTasks);
        var canada = await AgencyAsync(ca);
        Assert.Equal([$"T-{jp}-4"], canada.OpenTasks);
        Assert.Equal(1, canada.Status.OpenTasks);
        var korea = await AgencyAsync(kr);
        Assert.Equal((0, 0), (korea.OpenTasks.Length, korea.Status.OpenTasks));
        using var partner = Factory.Partner(jp);
        Assert.Equal([$"T-{jp}-5"], (await partner.GetAsync<JsonAgency>($"/api/agencies/{jp}")).OpenTasks);
    }

    [Theory]
    [InlineData("fulfilled")]
    [InlineData("waived")]
    [InlineData("terminated")]
    public async Task An_overdue_commitment_counts_for_its_party_and_on_its_scorecard_until_fulfilled_waived_or_the_agreement_ends(string ending)
    {
        var (kr, jp) = Two(await _hub.AgenciesAsync("KR", "JP"));
        var mou = await _hub.ActiveAgreementAsync(kr, jp);
        var first = await _hub.AddCommitmentAsync(mou, jp, DomainClock.GetUtcNow().AddSeconds(1));
        await _hub.AddCommitmentAsync(mou, jp, DomainClock.GetUtcNow().AddSeconds(1));
        await _hub.AddCommitmentAsync(mou, kr, DomainClock.GetUtcNow().AddDays(20));
        DomainClock.Advance(TimeSpan.FromSeconds(2)); // the reminders fire within a second and find both past due
        await LogWatch.WaitForAsync(Factory, $"agreement/{mou}", "commitment.overdue", count: 2);

        var overdue = (await AgencyAsync(jp)).Status.OverdueCommitments;
        var scorecard = await _hub.Coordinator.GetAsync<Scorecard>($"/api/agreements/{mou}/scorecard");
        switch (ending)
        {
            case "fulfilled":
                await _hub.FulfilAsync(mou, first, jp);
                break;
            case "waived":
                await _hub.WaiveAsync(mou, first);
                break;
            default:
                await _hub.TerminateAsync(mou);
                break;
        }

        Assert.Equal(2, overdue);
        Assert.Equal((0.0, 2), (scorecard.OnTimePercent, scorecard.Overdue));
        Assert.Equal(0, (await AgencyAsync(kr)).Status.OverdueCommitments);
        Assert.Equal(ending == "terminated" ? 0 : 1, (await AgencyAsync(jp)).Status.OverdueCommitments);
        Assert.Equal(ending == "terminated" ? 2 : 1, (await _hub.Coordinator.GetAsync<Scorecard>($"/api/agreements/{mou}/scorecard")).Overdue);
    }

    [Fact]
    public async Task The_scorecard_counts_requests_sent_received_and_answered_per_party_and_the_share_closed_on_time()
    {
        var (kr, jp, ca) = Three(await _hub.AgenciesAsync("KR", "JP", "CA"));
        var mou = await _hub.ActiveAgreementAsync(kr, jp, ca);
        var kept = await _hub.AddCommitmentAsync(mou, jp, DomainClock.GetUtcNow().AddDays(10));
        var nextDue = DomainClock.GetUtcNow().AddDays(20);
        await _hub.AddCommitmentAsync(mou, kr, nextDue);
        await _hub.FulfilAsync(mou, kept, jp);                                                  // on time
        await _hub.AnswerAsync(await _hub.AssignAsync($"T-{jp}-1", mou, kr, jp), jp);          // answered on time
        var late = await _hub.AssignAsync($"T-{jp}-2", mou, jp, kr, DomainClock.GetUtcNow().AddHours(1));
        await _hub.AnswerAsync(late, kr, complete: false);
        DomainClock.Advance(TimeSpan.FromHours(2));
        await _hub.CompleteAsync(late, kr);                                                     // answered late
        await _hub.AssignAsync($"T-{jp}-3", mou, kr, jp);                                       // still open
        await _hub.CancelAsync(await _hub.AssignAsync($"T-{jp}-4", mou, kr, jp));               // withdrawn
        var moved = await _hub.AssignAsync($"T-{jp}-5", mou, kr, jp);
        await _hub.ReassignAsync(moved, ca);                                                    // received moves to CA
        await _hub.AnswerAsync(moved, ca);                                                      // answered on time

        var scorecard = await _hub.Coordinator.GetAsync<Scorecard>($"/api/agreements/{mou}/scorecard");
        using var partner = Factory.Partner(ca);
        var details = await partner.GetAsync<AgreementDetails>($"/api/agreements/{mou}");

        // closed: the fulfilled commitment and three answered requests; on time: the commitment, T-1 and T-5
        Assert.Equal((75.0, 0, (DateTimeOffset?)nextDue),
            (scorecard.OnTimePercent, scorecard.Overdue, scorecard.NextDue));
        Assert.Equal(
            [new PartyCounts(new(kr), 4, 1, 1), new PartyCounts(new(jp), 1, 3, 1), new PartyCounts(new(ca), 0, 1, 1)],
            scorecard.Parties.ToArray());
        Assert.Equal(scorecard.Parties.ToArray(), details.Scorecard.Parties.ToArray());
        Assert.Equal(scorecard.OnTimePercent, details.Scorecard.OnTimePercent);
    }

    [Fact]
    public async Task The_listings_show_each_new_agency_agreement_and_task_once_with_the_read_model_counts()
    {
        var (kr, jp) = Two(await _hub.AgenciesAsync("KR", "JP"));
        var mou = await _hub.ActiveAgreementAsync(kr, jp);
        await _hub.AssignAsync($"T-{jp}-1", mou, kr, jp);
        await _hub.AssignAsync($"T-{jp}-2", mou, jp, kr);

        var agencies = await _hub.Coordinator.GetAsync<JsonAgency[]>("/api/agencies");
        var agreements = await _hub.Coordinator.GetAsync<AgreementDetails[]>("/api/agreements");
        var tasks = await _hub.Coordinator.GetAsync<JsonTask[]>($"/api/tasks?agency={jp}");

        Assert.Equal([jp, kr], agencies.Where(a => a.Code == kr || a.Code == jp).Select(a => a.Code));
        Assert.Equal([mou], agencies.Single(a => a.Code == jp).Agreements);
        var listed = Assert.Single(agreements, a => a.Id.Value == mou);
        Assert.Equal([new PartyCounts(new(kr), 1, 1, 0), new PartyCounts(new(jp), 1, 1, 0)], listed.Scorecard.Parties.ToArray());
        Assert.Equal(AgreementStatus.Active, listed.Status);
        Assert.Equal([($"T-{jp}-1", jp), ($"T-{jp}-2", kr)], tasks.Select(t => (t.Id, t.Assignee)).Order());
    }

    [Fact]
    public async Task Listing_tasks_with_status_Overdue_gives_the_open_tasks_past_their_deadline_and_nothing_closed_or_still_in_time()
    {
        var (kr, jp) = Two(await _hub.AgenciesAsync("KR", "JP"));
        var mou = await _hub.ActiveAgreementAsync(kr, jp);
        var assigned = await _hub.AssignAsync($"T-{jp}-A", mou, kr, jp);                       // due three domain days after ten days ago
        var acknowledged = await _hub.AssignAsync($"T-{jp}-B", mou, kr, jp);
        await _hub.AcknowledgeAsync(acknowledged, jp);
        var accepted = await _hub.AssignAsync($"T-{jp}-C", mou, kr, jp);
        await _hub.AnswerAsync(accepted, jp, complete: false);
        await _hub.AnswerAsync(await _hub.AssignAsync($"T-{jp}-D", mou, kr, jp), jp);          // completed
        await _hub.CancelAsync(await _hub.AssignAsync($"T-{jp}-E", mou, kr, jp));              // cancelled
        await _hub.DeclineAsync(await _hub.AssignAsync($"T-{jp}-F", mou, kr, jp), jp);         // declined
        await _hub.AssignAsync($"T-{jp}-G", mou, kr, jp, DateTimeOffset.UtcNow.AddDays(5));    // still in time
        using var partner = Factory.Partner(jp);

        var overdue = await _hub.Coordinator.GetAsync<JsonTask[]>($"/api/tasks?status=Overdue&agency={jp}");
        var asPartner = await partner.GetAsync<JsonTask[]>("/api/tasks?status=overdue");
        var everyone = await _hub.Coordinator.GetAsync<JsonTask[]>("/api/tasks?status=Overdue");

        Assert.Equal([assigned, acknowledged, accepted], overdue.Select(t => t.Id));
        Assert.Equal([assigned, acknowledged, accepted], asPartner.Select(t => t.Id));
        Assert.Equal([assigned, acknowledged, accepted], everyone.Where(t => t.Assignee == jp).Select(t => t.Id));
        Assert.All(overdue, t => Assert.True(t.Deadline < DateTimeOffset.UtcNow, $"{t.Id} due {t.Deadline:O}"));
    }

    public void Dispose() => _hub.Dispose();

    private Task<JsonAgency> AgencyAsync(string code) => _hub.Coordinator.GetAsync<JsonAgency>($"/api/agencies/{code}");

    private static (string, string) Two(string[] codes) => (codes[0], codes[1]);

    private static (string, string, string) Three(string[] codes) => (codes[0], codes[1], codes[2]);

    private sealed record JsonAgency(string Code, string[] Agreements, string[] OpenTasks, AgencyLiveStatus Status);

    private sealed record JsonTask(string Id, string Assignee, CooperationTaskStatus Status, DateTimeOffset Deadline);

    /// <summary>One host whose domain clock (deadlines, due dates, on-time checks) is moved by hand from ten days ago.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public Fixture()
        {
            Factory = new GatewayFactory { TestServices = s => s.AddKeyedSingleton<TimeProvider>(DomainTime.Key, DomainClock) };
        }

        public FakeTimeProvider DomainClock { get; } = new(DateTimeOffset.UtcNow.AddDays(-10));

        public GatewayFactory Factory { get; }

        public Task InitializeAsync()
        {
            Factory.Started();
            return Task.CompletedTask;
        }

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }
}
