namespace PolicingHub.EventLog.Appending;

/// <summary>
/// A store's half of group commit: writes one batch of appends in ONE transaction. The <see cref="GroupCommitAppender"/>
/// calls it from a single loop, never twice at once, so a writer may keep one connection and prepared statements.
/// </summary>
/// <remarks>
/// A writer opens its transaction, takes the store's write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
/// lock), reads the last position, places each append with a <see cref="BatchSequencer"/> (reading a stream's stored
/// head only the first time the batch touches it), inserts the events of the appends that succeed, and commits.
/// </remarks>
internal interface IEventBatchWriter
{
    /// <summary>
    /// The finest time the store keeps (PostgreSQL: a microsecond). The appender stamps each batch at this precision,
    /// so the events it remembers for readers equal the ones read back from the store.
    /// </summary>
    TimeSpan TimestampPrecision => TimeSpan.FromTicks(1);

    /// <summary>
    /// Writes <paramref name="batch"/> in one transaction and returns one result per append, in batch order: a success,
    /// or a conflict for an append whose stream was not at its expected sequence (it writes nothing; the rest of the
    /// batch still commits). Every event of the batch is stamped <paramref name="occurredAt"/>.
    /// </summary>
    /// <exception cref="EventLogException">
    /// The transaction failed and nothing of the batch is visible. <see cref="EventLogException.OutcomeUnknown"/> is
    /// false when it failed before COMMIT was sent, true when COMMIT itself failed or was cut. The appender treats any
    /// other exception as outcome unknown.
    /// </exception>
    Task<IReadOnlyList<AppendResult>> WriteAsync(
        IReadOnlyList<PendingAppend> batch, DateTimeOffset occurredAt, CancellationToken cancellationToken);
}
