namespace PolicingHub.Contracts.Agencies;

/// <summary>An agency's live status: consoles online (presence), last seen, readiness, open tasks, overdue commitments.</summary>
public sealed record AgencyLiveStatusView(int ConsolesOnline, DateTimeOffset? LastSeen, string Readiness, int OpenTasks, int OverdueCommitments);
