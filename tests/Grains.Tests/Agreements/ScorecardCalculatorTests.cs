using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class ScorecardCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly AgencyCode Kr = Hub.Code(Hub.Knpa);
    private static readonly AgencyCode Jp = Hub.Code(Hub.Npa);

    [Fact]
    public void Nothing_closed_gives_no_percentage_and_next_due_is_the_earliest_open_commitment()
    {
        var state = State(
            [Commitment(1, T0.AddDays(20), CommitmentStatus.Open), Commitment(2, T0.AddDays(10), CommitmentStatus.Open), Commitment(3, T0.AddDays(5), CommitmentStatus.Waived, T0)],
            []);

        var scorecard = ScorecardCalculator.Compute(state);

        Assert.Null(scorecard.OnTimePercent);
        Assert.Equal(0, scorecard.Overdue);
        Assert.Equal(T0.AddDays(10), scorecard.NextDue);
        Assert.Equal([new PartyCounts(Kr, 0, 0, 0), new PartyCounts(Jp, 0, 0, 0)], scorecard.Parties.Items());
    }

    [Fact]
    public void Closed_counts_fulfilled_and_once_overdue_commitments_and_answered_requests()
    {
        var state = State(
            [
                Commitment(1, T0.AddDays(10), CommitmentStatus.Fulfilled, T0.AddDays(9)),   // on time
                Commitment(2, T0.AddDays(10), CommitmentStatus.Fulfilled, T0.AddDays(12)),  // went overdue, then fulfilled: closed once, late
                Commitment(3, T0.AddDays(10), CommitmentStatus.Overdue),                    // overdue now: closed late
                Commitment(4, T0.AddDays(40), CommitmentStatus.Open),                       // not closed
                Commitment(5, T0.AddDays(10), CommitmentStatus.Waived, T0.AddDays(1)),      // waived in time: not counted
            ],
            [
                new RequestRecord(TaskId.Parse("T-1"), Kr, Jp, true, true),
                new RequestRecord(TaskId.Parse("T-2"), Jp, Kr, true, false),
                new RequestRecord(TaskId.Parse("T-3"), Kr, Jp, false, false),
            ],
            wentOverdue: [2, 3]);

        var scorecard = ScorecardCalculator.Compute(state);

        // closed = 1 + 2 + 3 (commitments) + T-1 + T-2 = 5; on time = 1 + T-1 = 2
        Assert.Equal(40.0, scorecard.OnTimePercent);
        Assert.Equal(1, scorecard.Overdue);
        Assert.Equal(T0.AddDays(40), scorecard.NextDue);
        Assert.Equal([new PartyCounts(Kr, 2, 1, 1), new PartyCounts(Jp, 1, 2, 1)], scorecard.Parties.Items());
    }

    [Fact]
    public void The_percentage_is_rounded_to_one_decimal()
    {
        var state = State(
            [Commitment(1, T0.AddDays(10), CommitmentStatus.Fulfilled, T0), Commitment(2, T0.AddDays(10), CommitmentStatus.Fulfilled, T0.AddDays(1))],
            [new RequestRecord(TaskId.Parse("T-1"), Kr, Jp, true, false)]);

        Assert.Equal(66.7, ScorecardCalculator.Compute(state).OnTimePercent);
    }

    [Fact]
    public void A_commitment_waived_after_it_went_overdue_still_counts_as_closed_late()
    {
        var state = State([Commitment(1, T0, CommitmentStatus.Waived, T0.AddDays(3)), Commitment(2, T0, CommitmentStatus.Fulfilled, T0)], [], wentOverdue: [1]);

        Assert.Equal(50.0, ScorecardCalculator.Compute(state).OnTimePercent);
    }

    [Fact]
    public void Scorecards_with_equal_content_are_the_same_even_with_different_arrays()
    {
        var a = ScorecardCalculator.Compute(State([], []));
        var b = ScorecardCalculator.Compute(State([], []));

        Assert.True(ScorecardCalculator.Same(a, b));
        Assert.False(ScorecardCalculator.Same(a, a with { Overdue = 1 }));
        Assert.False(ScorecardCalculator.Same(a, a with { Parties = [new PartyCounts(Kr, 1, 0, 0), new PartyCounts(Jp, 0, 0, 0)] }));
    }

    /// <summary>The state after each request was recorded, then answered when marked so (the agreement keeps counters, not records).</summary>
    private static AgreementState State(CommitmentView[] commitments, RequestRecord[] requests, int[]? wentOverdue = null)
    {
        var state = new AgreementState
        {
            Exists = true,
            Parties = [Kr, Jp],
            Status = AgreementStatus.Active,
            Commitments = [.. commitments],
            WentOverdue = [.. wentOverdue ?? []],
        };
        foreach (var request in requests)
        {
            state = RequestLedger.Record(state, request.Task, request.Requester, request.Assignee);
            state = request.Answered ? RequestLedger.Answer(state, request.Task, request.Assignee, request.AnsweredOnTime) : state;
        }
        return state;
    }

    /// <summary>A request as the task grain reports it over its life: sent, received, and whether (and in time) it was answered.</summary>
    private sealed record RequestRecord(TaskId Task, AgencyCode Requester, AgencyCode Assignee, bool Answered, bool AnsweredOnTime);

    private static CommitmentView Commitment(int number, DateTimeOffset dueAt, CommitmentStatus status, DateTimeOffset? closedAt = null)
        => new(number, CooperationArea.Cyberspace, "commitment " + number, Jp, dueAt, status, closedAt, []);
}
