using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>
/// The scorecard as a pure function of the agreement's state. Closed = fulfilled commitments and commitments that went
/// overdue (each once) plus answered requests; on time = commitments fulfilled by their due time plus requests answered
/// by their deadline. Requests come from the counters of <see cref="RequestLedger"/>, so the cost does not grow with
/// the requests made.
/// </summary>
internal static class ScorecardCalculator
{
    public static Scorecard Compute(AgreementState state)
    {
        var closedCommitments = state.Commitments.Count(c => c.Status == CommitmentStatus.Fulfilled || state.WentOverdue.Contains(c.Number));
        var onTimeCommitments = state.Commitments.Count(c => c.Status == CommitmentStatus.Fulfilled && c.ClosedAt <= c.DueAt);
        var answered = state.RequestCounts.Sum(c => c.Answered);
        var onTimeAnswers = state.RequestCounts.Sum(c => c.AnsweredOnTime);
        var closed = closedCommitments + answered;
        double? percent = closed == 0 ? null : Math.Round(100.0 * (onTimeCommitments + onTimeAnswers) / closed, 1, MidpointRounding.AwayFromZero);
        var open = state.Commitments.Where(c => c.Status == CommitmentStatus.Open).ToList();
        DateTimeOffset? nextDue = open.Count == 0 ? null : open.Min(c => c.DueAt);
        var parties = state.Parties.Select(p => RequestLedger.CountsOf(state, p))
            .Select(c => new PartyCounts(c.Agency, c.Sent, c.Received, c.Answered)).ToImmutableArray();
        return new Scorecard(percent, state.Commitments.Count(c => c.Status == CommitmentStatus.Overdue), nextDue, parties);
    }

    /// <summary>Value equality (the record's own equality compares ImmutableArray by reference).</summary>
    public static bool Same(Scorecard a, Scorecard b)
        => a.OnTimePercent == b.OnTimePercent && a.Overdue == b.Overdue && a.NextDue == b.NextDue && a.Parties.SequenceEqual(b.Parties);
}
