namespace PolicingHub.EventLog.Sqlite;

/// <summary>
/// The event log's table. <c>position</c> is the rowid, assigned explicitly by the single writer (last + 1, inside the
/// transaction), so positions are gapless and in commit order; (stream, sequence) is unique, the compare-and-swap's
/// backstop. occurred_at is ISO 8601 round-trip text ('o'); data is the event's JSON text. Every statement is idempotent.
/// </summary>
internal static class SqliteEventLogSchema
{
    /// <summary>Run outside a transaction: the journal mode cannot change inside one. WAL persists in the file.</summary>
    public const string JournalMode = "PRAGMA journal_mode = WAL;";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            position INTEGER PRIMARY KEY,
            stream TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            type TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (stream, sequence)
        );
        """;

    public const string SelectColumns = "SELECT position, stream, sequence, type, occurred_at, data FROM events";

    public const string SelectLastPosition = "SELECT COALESCE(MAX(position), 0) FROM events";

    public const string SelectStreamHead = "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE stream = $stream";

    public const string Insert = """
        INSERT INTO events (position, stream, sequence, type, occurred_at, data)
        VALUES ($position, $stream, $sequence, $type, $occurred_at, $data)
        """;
}
