using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>
/// The scorecard as a pure function of the agreement's state. Closed = fulfilled commitments and commitments that went
/// overdue (each once) plus answered requests; on time = commitments fulfilled by their due time plus requests answered
/// by their deadline.
/// </summary>
internal static class ScorecardCalculator
{
    public static Scorecard Compute(AgreementState state)
    {
        var closedCommitments = state.Commitments.Count(c => c.Status == CommitmentStatus.Fulfilled || state.WentOverdue.Contains(c.Number));
        var onTimeCommitments = state.Commitments.Count(c => c.Status == CommitmentStatus.Fulfilled && c.ClosedAt <= c.DueAt);
        var answered = state.Requests.Count(r => r.Answered);
        var onTimeAnswers = state.Requests.Count(r => r.Answered && r.AnsweredOnTime);
        var closed = closedCommitments + answered;
        double? percent = closed == 0 ? null : Math.Round(100.0 * (onTimeCommitments + onTimeAnswers) / closed, 1, MidpointRounding.AwayFromZero);
        var open = state.Commitments.Where(c => c.Status == CommitmentStatus.Open).ToList();
        DateTimeOffset? nextDue = open.Count == 0 ? null : open.Min(c => c.DueAt);
        var parties = state.Parties.Select(p => new PartyCounts(
            p,
            state.Requests.Count(r => r.Requester == p),
            state.Requests.Count(r => r.Assignee == p),
            state.Requests.Count(r => r.Assignee == p && r.Answered))).ToImmutableArray();
        return new Scorecard(percent, state.Commitments.Count(c => c.Status == CommitmentStatus.Overdue), nextDue, parties);
    }

    /// <summary>Value equality (the record's own equality compares ImmutableArray by reference).</summary>
    public static bool Same(Scorecard a, Scorecard b)
        => a.OnTimePercent == b.OnTimePercent && a.Overdue == b.Overdue && a.NextDue == b.NextDue && a.Parties.SequenceEqual(b.Parties);
}
