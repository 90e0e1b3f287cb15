namespace PolicingHub.EventLog.Appending;

/// <summary>
/// Decides, inside one batch transaction, which appends commit and where their events go. A batch writer creates one
/// per transaction with the log's last committed position (read under the store's write lock), then places each append
/// in batch order: the compare-and-swap is against the stream's head as the batch has advanced it, so two appends to
/// one stream in the same batch chain (the second expecting the first's last sequence) or conflict exactly as they
/// would in two transactions. Positions are handed out gapless, in batch order, to committing appends only.
/// Store-neutral: SQLite and PostgreSQL writers differ only in how they read a stream's stored head.
/// </summary>
internal sealed class BatchSequencer(long lastPosition)
{
    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);

    /// <summary>The last position placed so far (the log's last position when nothing commits).</summary>
    public long LastPosition { get; private set; } = lastPosition;

    /// <summary>The stream's head as this batch has left it, when an earlier append of the batch touched the stream.</summary>
    public bool TryGetHead(string stream, out long head) => _heads.TryGetValue(stream, out head);

    /// <summary>
    /// Places <paramref name="append"/> given its stream's head (from <see cref="TryGetHead"/>, else from the store).
    /// A conflict places nothing. A success reserves sequences <c>head+1..</c> and the next positions; the writer then
    /// writes event <c>i</c> at sequence <c>ExpectedSequence+1+i</c> and position <c>FirstPosition+i</c>.
    /// </summary>
    public AppendResult Place(PendingAppend append, long head)
    {
        _heads[append.Stream] = head;
        if (head != append.ExpectedSequence)
        {
            return AppendResult.Conflict(append.ExpectedSequence, head);
        }
        var count = append.Events.Count;
        var first = LastPosition + 1;
        LastPosition += count;
        _heads[append.Stream] = head + count;
        return AppendResult.Success(append.ExpectedSequence, head + count, first, LastPosition);
    }
}
