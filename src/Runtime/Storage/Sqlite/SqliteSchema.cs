namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>The tables of the embedded store; every statement is idempotent.</summary>
/// <remarks>grain_state.payload is NULL for a tombstone: a cleared record whose etag lives on.</remarks>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag INTEGER NOT NULL,
            payload TEXT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS events (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            stream TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            type TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (stream, sequence)
        );

        CREATE TABLE IF NOT EXISTS command_results (
            grain_id TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            method TEXT NOT NULL,
            result_json TEXT NULL,
            error_type TEXT NULL,
            error_message TEXT NULL,
            completed INTEGER NOT NULL,
            PRIMARY KEY (grain_id, idempotency_key)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS reminders (
            grain_id TEXT NOT NULL,
            name TEXT NOT NULL,
            start_at TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            etag INTEGER NOT NULL,
            PRIMARY KEY (grain_id, name)
        ) WITHOUT ROWID;
        """;
}
