namespace PolicingHub.EventLog;

/// <summary>
/// The outcome of one append. Success: the events hold sequences <c>expected+1 .. NextExpectedSequence</c> and positions
/// <c>FirstPosition .. LastPosition</c>. Conflict: nothing was written; <see cref="ActualSequence"/> is the stream's last
/// sequence at the time of the check.
/// </summary>
public sealed record AppendResult(bool Succeeded, long ExpectedSequence, long ActualSequence, long FirstPosition, long LastPosition)
{
    /// <summary>The sequence the writer must expect on its next append (the stream's last sequence).</summary>
    public long NextExpectedSequence => ActualSequence;

    public static AppendResult Success(long expected, long last, long firstPosition, long lastPosition)
        => new(true, expected, last, firstPosition, lastPosition);

    public static AppendResult Conflict(long expected, long actual) => new(false, expected, actual, 0, 0);

    /// <summary>Returns this result, or throws <see cref="WrongExpectedSequenceException"/> on a conflict.</summary>
    public AppendResult ThrowIfConflict(string stream) =>
        Succeeded ? this : throw new WrongExpectedSequenceException(stream, ExpectedSequence, ActualSequence);
}
