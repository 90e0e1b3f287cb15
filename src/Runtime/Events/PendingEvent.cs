namespace PolicingHub.Runtime.Events;

/// <summary>An event not yet committed: its wire type name and JSON payload.</summary>
public sealed record PendingEvent(string Type, string Data);
