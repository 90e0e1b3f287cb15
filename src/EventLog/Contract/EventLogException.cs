namespace PolicingHub.EventLog;

/// <summary>
/// The store failed. Raised by an append, it means "outcome unknown" only when <see cref="OutcomeUnknown"/> is set
/// (the commit itself failed or was cut); otherwise nothing was written.
/// </summary>
public sealed class EventLogException(string message, bool outcomeUnknown, Exception? inner = null) : Exception(message, inner)
{
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
