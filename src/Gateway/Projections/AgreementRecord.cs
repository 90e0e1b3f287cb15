using System.Collections.Immutable;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Projections;

/// <summary>
/// The read model of one agreement: its folded state (the grain's own fold) and what the scorecard counts from task
/// events — requests sent, received and answered (on time) per party, and which requests are still open.
/// </summary>
internal sealed class AgreementRecord
{
    public AgreementState State { get; set; } = new();

    /// <summary>Numbers of the commitments that ever went overdue (each counts once as closed late).</summary>
    public HashSet<int> WentOverdue { get; } = [];

    public Dictionary<AgencyCode, RequestCounts> Requests { get; } = [];

    /// <summary>Open requests: task → (requester, assignee).</summary>
    public Dictionary<TaskId, (AgencyCode Requester, AgencyCode Assignee)> Open { get; } = [];

    public void Count(AgencyCode agency, int sent = 0, int received = 0, int answered = 0, int onTime = 0)
    {
        var c = Requests.GetValueOrDefault(agency);
        Requests[agency] = new RequestCounts(c.Sent + sent, c.Received + received, c.Answered + answered, c.OnTime + onTime);
    }

    public Scorecard Scorecard()
    {
        var commitments = State.Commitments;
        var closedCommitments = commitments.Count(c => c.Status == CommitmentStatus.Fulfilled || WentOverdue.Contains(c.Number));
        var onTimeCommitments = commitments.Count(c => c.Status == CommitmentStatus.Fulfilled && c.ClosedAt <= c.DueAt);
        var answered = Requests.Values.Sum(c => c.Answered);
        var onTime = Requests.Values.Sum(c => c.OnTime);
        var closed = closedCommitments + answered;
        double? percent = closed == 0 ? null : Math.Round(100.0 * (onTimeCommitments + onTime) / closed, 1, MidpointRounding.AwayFromZero);
        var open = commitments.Where(c => c.Status == CommitmentStatus.Open).ToList();
        DateTimeOffset? nextDue = open.Count == 0 ? null : open.Min(c => c.DueAt);
        var parties = State.Parties
            .Select(p => (Party: p, Counts: Requests.GetValueOrDefault(p)))
            .Select(x => new PartyCounts(x.Party, x.Counts.Sent, x.Counts.Received, x.Counts.Answered))
            .ToImmutableArray();
        return new Scorecard(percent, commitments.Count(c => c.Status == CommitmentStatus.Overdue), nextDue, parties);
    }

    internal readonly record struct RequestCounts(int Sent, int Received, int Answered, int OnTime);
}
