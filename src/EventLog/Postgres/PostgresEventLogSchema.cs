namespace PolicingHub.EventLog.Postgres;

/// <summary>
/// The event log's table on PostgreSQL and the statements the log runs. The primary key (stream, sequence) is the
/// compare-and-swap's backstop; position is unique and handed out by the one writer holding <see cref="WriteLockKey"/>
/// (a transaction-scoped advisory lock taken before the last position is read), so positions are gapless and in
/// commit order across every silo: a transaction's commit is visible before its lock is released, so the next writer
/// reads it, and no reader can see position n+1 committed while n is not. <c>data</c> is <c>json</c> (kept as written,
/// unlike jsonb); <c>occurred_at</c> has microsecond precision. Every DDL statement is idempotent.
/// </summary>
internal static class PostgresEventLogSchema
{
    /// <summary>The advisory lock that serializes writers (any bigint shared by every silo; "PHEVLOG1" in ASCII).</summary>
    public const long WriteLockKey = 0x5048_4556_4C4F_4731;

    /// <summary>The channel NOTIFY is sent on after a commit, with the batch's last position as payload.</summary>
    public const string Channel = "policinghub_event_log";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS event_log (
            stream      text        NOT NULL,
            sequence    bigint      NOT NULL CHECK (sequence > 0),
            position    bigint      NOT NULL CHECK (position > 0),
            type        text        NOT NULL,
            occurred_at timestamptz NOT NULL,
            data        json        NOT NULL,
            CONSTRAINT event_log_pkey PRIMARY KEY (stream, sequence),
            CONSTRAINT event_log_position_key UNIQUE (position)
        );
        """;

    public const string TakeWriteLock = "SELECT pg_advisory_xact_lock(@key)";

    public const string SelectLastPosition = "SELECT COALESCE(MAX(position), 0) FROM event_log";

    /// <summary>Each named stream's last sequence (0 when it has none), from the primary key.</summary>
    public const string SelectStreamHeads = """
        SELECT s.stream, COALESCE((SELECT MAX(e.sequence) FROM event_log e WHERE e.stream = s.stream), 0)
        FROM unnest(@streams::text[]) AS s(stream)
        """;

    /// <summary>Every event of a batch in one statement, from parallel arrays.</summary>
    public const string Insert = """
        INSERT INTO event_log (position, stream, sequence, type, occurred_at, data)
        SELECT e.position, e.stream, e.sequence, e.type, @occurred_at, e.data::json
        FROM unnest(@positions::bigint[], @streams::text[], @sequences::bigint[], @types::text[], @data::text[])
            AS e(position, stream, sequence, type, data)
        """;

    /// <summary>Sent inside the transaction: PostgreSQL delivers it on commit only.</summary>
    public const string Notify = $"SELECT pg_notify('{Channel}', @position::text)";

    public const string SelectColumns = "SELECT position, stream, sequence, type, occurred_at, data::text FROM event_log";

    public const string ReadAfterPosition = $"{SelectColumns} WHERE position > @after ORDER BY position LIMIT @max";

    public const string ReadStream = $"{SelectColumns} WHERE stream = @stream AND sequence > @after ORDER BY sequence LIMIT @max";
}
