namespace PolicingHub.EventLog.Diagnostics;

/// <summary>The values of the <c>status</c> tag on the event log's instruments.</summary>
internal static class AppendStatus
{
    public const string Committed = "committed";
    public const string Conflict = "conflict";
    public const string Failed = "failed";
}
