using System.Text.Json;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using static PolicingHub.Gateway.Tests.Support.SampleEvents;

namespace PolicingHub.Gateway.Tests.Projections;

/// <summary>
/// The read models folded from the log (DESIGN §4.4): what grains used to keep for each other by calls after a write —
/// an agency's open tasks and overdue commitments, an agreement's scorecard, the listings — fed here envelope by envelope
/// exactly as the projector feeds them, each position once.
/// </summary>
public sealed class HubReadModelTests
{
    private const string Kr = "KR-KNPA";
    private const string Jp = "JP-NPA";
    private const string Ca = "CA-RCMP";
    private const string Us = "US-FBI";
    private const string KrJp = "MOU-KR-JP";
    private const string Tri = "MOU-KR-JP-CA";

    private readonly ScriptedEventLog _log = new(TimeProvider.System);
    private readonly HubReadModel _model = new();
    private readonly List<EventEnvelope> _applied = [];

    /// <summary>Commits the event and applies the envelope the log returns.</summary>
    private async Task<EventEnvelope> Apply(SampleEvent sample)
    {
        var envelope = await _log.AppendAsync(sample);
        _model.Apply(envelope);
        _applied.Add(envelope);
        return envelope;
    }

    /// <summary>KR-KNPA, JP-NPA, CA-RCMP and US-FBI registered; the KR–JP MOU and a trilateral KR–JP–CA MOU drafted.</summary>
    private async Task Agencies()
    {
        foreach (var agency in new[] { Kr, Jp, Ca, Us })
        {
            await Apply(AgencyRegistered(agency));
        }
        await Apply(AgreementDrafted(KrJp, Kr, Jp));
        await Apply(AgreementDrafted(Tri, Kr, Jp, Ca));
    }

    private string[] OpenTasksOf(string agency) => [.. _model.Agency(agency)!.OpenTasks.Select(t => t.Value)];

    private (int OpenTasks, int Overdue) CountsOf(string agency)
    {
        var status = _model.Agency(agency)!.Status;
        return (status.OpenTasks, status.OverdueCommitments);
    }

    [Fact]
    public async Task A_grain_belongs_in_its_agency_registered_region_a_task_in_its_assignee_region_and_an_agreement_in_its_first_party_region()
    {
        await Apply(AgencyRegistered(Kr, "ap-northeast"));
        await Apply(AgencyRegistered(Ca, "ca-central"));
        await Apply(AgreementDrafted(Tri, Ca, Kr));
        await Apply(TaskAssigned("T-1", Tri, Kr, Ca, HandlingCode.Amber));

        Assert.Equal(new string?[] { "ap-northeast", "ca-central", "ca-central", "ca-central" },
            new[] { _model.HomeRegionOf("agency", Kr), _model.HomeRegionOf("agency", Ca), _model.HomeRegionOf("agreement", Tri), _model.HomeRegionOf("task", "T-1") });
        await Apply(TaskReassigned("T-1", Tri, Ca, Kr, HandlingCode.Amber));
        Assert.Equal("ap-northeast", _model.HomeRegionOf("task", "T-1"));
        Assert.Equal(new string?[] { null, null, null, null },
            new[] { _model.HomeRegionOf("agency", "BR-PF"), _model.HomeRegionOf("task", "T-2"), _model.HomeRegionOf("agreement", KrJp), _model.HomeRegionOf("audit", Kr) });
    }

    [Fact]
    public async Task An_assigned_task_is_open_for_its_assignee_only()
    {
        await Agencies();

        await Apply(TaskAssigned("T-1", KrJp, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskAcknowledged("T-1", Jp));
        await Apply(TaskAccepted("T-1", Jp));
        await Apply(TaskUpdatePosted("T-1", Jp));

        Assert.Equal(["T-1"], OpenTasksOf(Jp));
        Assert.Equal((1, 0), CountsOf(Jp));
        Assert.Empty(OpenTasksOf(Kr));
        Assert.Equal((0, 0), CountsOf(Kr));
    }

    [Theory]
    [InlineData("declined")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    public async Task A_declined_completed_or_cancelled_task_is_no_longer_open(string ending)
    {
        await Agencies();
        await Apply(TaskAssigned("T-1", KrJp, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskAssigned("T-2", KrJp, Kr, Jp, HandlingCode.Green));
        await Apply(TaskAcknowledged("T-1", Jp));

        await Apply(ending switch
        {
            "declined" => TaskDeclined("T-1", Jp),
            "completed" => TaskCompleted("T-1", Jp, onTime: true),
            _ => TaskCancelled("T-1", Jp),
        });

        Assert.Equal(["T-2"], OpenTasksOf(Jp));
        Assert.Equal((1, 0), CountsOf(Jp));
    }

    [Fact]
    public async Task A_reassigned_task_moves_from_the_old_assignees_open_tasks_to_the_new_ones()
    {
        await Agencies();
        await Apply(TaskAssigned("T-1", Tri, Kr, Jp, HandlingCode.Red));
        await Apply(TaskAssigned("T-2", Tri, Kr, Jp, HandlingCode.Red));
        await Apply(TaskDeclined("T-2", Jp));

        await Apply(TaskReassigned("T-1", Tri, Jp, Ca, HandlingCode.Red));
        await Apply(TaskReassigned("T-2", Tri, Jp, Ca, HandlingCode.Red)); // declined first: reopened for its new assignee

        Assert.Empty(OpenTasksOf(Jp));
        Assert.Equal(["T-1", "T-2"], OpenTasksOf(Ca));
        Assert.Equal((0, 2), (CountsOf(Jp).OpenTasks, CountsOf(Ca).OpenTasks));
        Assert.Equal([Ca, Ca], _model.Tasks().OrderBy(t => t.Id.Value, StringComparer.Ordinal).Select(t => t.Assignee.Value));
    }

    [Fact]
    public async Task An_overdue_commitment_counts_against_its_responsible_party_only()
    {
        await Agencies();
        await Apply(CommitmentAdded(KrJp, Jp, 1));
        await Apply(CommitmentAdded(KrJp, Jp, 2));
        await Apply(CommitmentAdded(KrJp, Kr, 3));

        await Apply(CommitmentOverdue(KrJp, Jp, 1));
        await Apply(CommitmentOverdue(KrJp, Jp, 2));

        Assert.Equal((0, 2), CountsOf(Jp));
        Assert.Equal((0, 0), CountsOf(Kr));
        Assert.Equal(2, _model.Scorecard(KrJp)!.Overdue);
    }

    [Theory]
    [InlineData("fulfilled")]
    [InlineData("waived")]
    [InlineData("terminated")]
    [InlineData("expired")]
    public async Task An_overdue_commitment_stops_counting_once_fulfilled_waived_or_its_agreement_ends(string ending)
    {
        await Agencies();
        await Apply(CommitmentAdded(KrJp, Jp, 1));
        await Apply(CommitmentAdded(Tri, Jp, 1));
        await Apply(CommitmentOverdue(KrJp, Jp, 1));
        await Apply(CommitmentOverdue(Tri, Jp, 1));
        Assert.Equal((0, 2), CountsOf(Jp));

        await Apply(ending switch
        {
            "fulfilled" => CommitmentFulfilled(KrJp, 1, At.AddDays(31), onTime: false),
            "waived" => CommitmentWaived(KrJp, 1, At.AddDays(31)),
            "terminated" => AgreementStatusChanged(KrJp, AgreementStatus.Active, AgreementStatus.Terminated, Kr, Jp),
            _ => AgreementStatusChanged(KrJp, AgreementStatus.Active, AgreementStatus.Expired, Kr, Jp),
        });

        Assert.Equal((0, 1), CountsOf(Jp)); // the trilateral MOU's overdue commitment still counts
    }

    [Fact]
    public async Task The_scorecard_counts_requests_per_party_and_the_share_closed_on_time()
    {
        await Agencies();
        await Apply(CommitmentAdded(Tri, Jp, 1, At.AddDays(10)));
        await Apply(CommitmentAdded(Tri, Jp, 2, At.AddDays(10)));
        await Apply(CommitmentAdded(Tri, Ca, 3, At.AddDays(10)));
        await Apply(CommitmentAdded(Tri, Kr, 4, At.AddDays(40)));
        await Apply(CommitmentAdded(Tri, Ca, 5, At.AddDays(10)));
        await Apply(CommitmentFulfilled(Tri, 1, At.AddDays(5), onTime: true));   // on time
        await Apply(CommitmentOverdue(Tri, Jp, 2, At.AddDays(10)));
        await Apply(CommitmentFulfilled(Tri, 2, At.AddDays(12), onTime: false)); // went overdue: closed late, once
        await Apply(CommitmentOverdue(Tri, Ca, 3, At.AddDays(10)));              // overdue now: closed late
        await Apply(CommitmentWaived(Tri, 5, At.AddDays(1)));                    // waived in time: not counted
        await Apply(TaskAssigned("T-1", Tri, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskCompleted("T-1", Jp, onTime: true));                     // answered on time
        await Apply(TaskAssigned("T-2", Tri, Jp, Kr, HandlingCode.Amber));
        await Apply(TaskCompleted("T-2", Kr, onTime: false));                    // answered late
        await Apply(TaskAssigned("T-3", Tri, Kr, Jp, HandlingCode.Amber));       // still open
        await Apply(TaskAssigned("T-4", Tri, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskCancelled("T-4", Jp));                                   // withdrawn: sent and received, never answered
        await Apply(TaskAssigned("T-5", Tri, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskReassigned("T-5", Tri, Jp, Ca, HandlingCode.Amber));     // the received request moves to CA-RCMP
        await Apply(TaskCompleted("T-5", Ca, onTime: true));

        var scorecard = _model.Scorecard(Tri)!;

        // closed: commitments 1, 2, 3 and requests T-1, T-2, T-5 = 6; on time: commitment 1, T-1, T-5 = 3
        Assert.Equal(50.0, scorecard.OnTimePercent);
        Assert.Equal(1, scorecard.Overdue);
        Assert.Equal(At.AddDays(40), scorecard.NextDue);
        Assert.Equal([new PartyCounts(new(Kr), 4, 1, 1), new PartyCounts(new(Jp), 1, 3, 1), new PartyCounts(new(Ca), 0, 1, 1)],
            scorecard.Parties.ToArray());
    }

    [Fact]
    public async Task Nothing_closed_gives_no_percentage_and_next_due_is_the_earliest_open_commitment()
    {
        await Agencies();
        await Apply(CommitmentAdded(KrJp, Jp, 1, At.AddDays(20)));
        await Apply(CommitmentAdded(KrJp, Jp, 2, At.AddDays(10)));
        await Apply(CommitmentAdded(KrJp, Kr, 3, At.AddDays(5)));
        await Apply(CommitmentWaived(KrJp, 3, At));
        await Apply(TaskAssigned("T-1", KrJp, Kr, Jp, HandlingCode.Amber));

        var scorecard = _model.Scorecard(KrJp)!;

        Assert.Equal(((double?)null, 0, (DateTimeOffset?)At.AddDays(10)), (scorecard.OnTimePercent, scorecard.Overdue, scorecard.NextDue));
        Assert.Equal([new PartyCounts(new(Kr), 1, 0, 0), new PartyCounts(new(Jp), 0, 1, 0)], scorecard.Parties.ToArray());
    }

    [Fact]
    public async Task The_on_time_percentage_is_rounded_to_one_decimal()
    {
        await Agencies();
        await Apply(CommitmentAdded(KrJp, Jp, 1, At.AddDays(10)));
        await Apply(CommitmentAdded(KrJp, Jp, 2, At.AddDays(10)));
        await Apply(CommitmentFulfilled(KrJp, 1, At, onTime: true));
        await Apply(CommitmentFulfilled(KrJp, 2, At.AddDays(1), onTime: true));
        await Apply(TaskAssigned("T-1", KrJp, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskCompleted("T-1", Jp, onTime: false));

        Assert.Equal(66.7, _model.Scorecard(KrJp)!.OnTimePercent);
    }

    [Fact]
    public async Task A_commitment_waived_after_it_went_overdue_still_counts_as_closed_late()
    {
        await Agencies();
        await Apply(CommitmentAdded(KrJp, Jp, 1, At));
        await Apply(CommitmentAdded(KrJp, Jp, 2, At));
        await Apply(CommitmentOverdue(KrJp, Jp, 1, At));
        await Apply(CommitmentWaived(KrJp, 1, At.AddDays(3)));
        await Apply(CommitmentFulfilled(KrJp, 2, At, onTime: true));

        Assert.Equal((50.0, 0), (_model.Scorecard(KrJp)!.OnTimePercent, _model.Scorecard(KrJp)!.Overdue));
    }

    [Fact]
    public async Task The_listings_hold_each_registered_agency_drafted_agreement_and_assigned_task_once_in_order()
    {
        await Agencies();
        await Apply(AgreementSigned("MOU-NEVER-DRAFTED"));
        await Apply(TaskAcknowledged("T-NEVER-ASSIGNED", Jp));
        await Apply(TaskAssigned("T-2", KrJp, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskAssigned("T-1", Tri, Kr, Ca, HandlingCode.Green));
        await Apply(TaskAcknowledged("T-2", Jp));
        await Apply(AgencyStatusChanged(Jp, 2, Readiness.Elevated));

        Assert.Equal([Ca, Jp, Kr, Us], _model.Agencies().Select(a => a.Code.Value));
        Assert.Equal([KrJp, Tri], _model.Agreements().Select(a => a.Id.Value));
        Assert.Equal(["T-1", "T-2"], _model.Tasks().Select(t => t.Id.Value).Order(StringComparer.Ordinal));
        Assert.Equal([KrJp, Tri], _model.Agency(Jp)!.Agreements.Select(a => a.Value));
        Assert.Equal([Tri], _model.Agency(Ca)!.Agreements.Select(a => a.Value));
        Assert.Empty(_model.Agency(Us)!.Agreements);
        Assert.Null(_model.Scorecard("MOU-NEVER-DRAFTED"));
        Assert.Equal(new AgencyLiveStatus(2, At, Readiness.Elevated, 1, 0), _model.Agency(Jp)!.Status);
        Assert.Equal(_applied[^1].Position, _model.Position);
    }

    [Fact]
    public async Task Re_applying_a_position_already_applied_changes_nothing()
    {
        await Agencies();
        await Apply(TaskAssigned("T-1", Tri, Kr, Jp, HandlingCode.Amber));
        await Apply(CommitmentAdded(Tri, Jp, 1));
        await Apply(CommitmentOverdue(Tri, Jp, 1));
        await Apply(TaskReassigned("T-1", Tri, Jp, Ca, HandlingCode.Amber));
        await Apply(TaskCompleted("T-1", Ca, onTime: true));
        var before = Snapshot();
        var position = _model.Position;

        foreach (var envelope in _applied.AsEnumerable().Reverse())
        {
            _model.Apply(envelope);
        }
        _model.Apply(_applied[^1] with { Position = position - 3 }); // an older position carrying a newer event

        Assert.Equal(before, Snapshot());
        Assert.Equal(position, _model.Position);
        Assert.Equal([new PartyCounts(new(Kr), 1, 0, 0), new PartyCounts(new(Jp), 0, 0, 0), new PartyCounts(new(Ca), 0, 1, 1)],
            _model.Scorecard(Tri)!.Parties.ToArray());
    }

    [Fact]
    public async Task Folding_the_same_log_again_from_the_start_builds_the_same_read_models()
    {
        await Agencies();
        await Apply(TaskAssigned("T-1", Tri, Kr, Jp, HandlingCode.Amber));
        await Apply(TaskAssigned("T-2", KrJp, Jp, Kr, HandlingCode.Green));
        await Apply(CommitmentAdded(KrJp, Jp, 1));
        await Apply(CommitmentOverdue(KrJp, Jp, 1));
        await Apply(TaskReassigned("T-1", Tri, Jp, Ca, HandlingCode.Amber));
        await Apply(TaskCompleted("T-2", Kr, onTime: false));

        var rebuilt = new HubReadModel();
        foreach (var envelope in await HubState.ReadAllAsync(_log))
        {
            rebuilt.Apply(envelope);
        }

        Assert.Equal(Snapshot(), Snapshot(rebuilt));
        Assert.Equal(_model.Position, rebuilt.Position);
    }

    private string Snapshot() => Snapshot(_model);

    private static string Snapshot(HubReadModel model) =>
        JsonSerializer.Serialize(new { agencies = model.Agencies(), agreements = model.Agreements(), tasks = model.Tasks() }, HttpJson.Options);
}
