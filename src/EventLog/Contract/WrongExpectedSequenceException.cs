namespace PolicingHub.EventLog;

/// <summary>An append lost the compare-and-swap on (stream, sequence): another writer appended first. Nothing was written.</summary>
public sealed class WrongExpectedSequenceException(string stream, long expected, long actual)
    : Exception($"Stream '{stream}' is at sequence {actual}, not the expected {expected}; nothing was appended.")
{
    public string Stream { get; } = stream;

    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}
