namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// The reminder table's SQL. One row per (service, grain, reminder name); the grain's uniform hash is stored as an
/// unsigned 32-bit value (SQLite integers are 64-bit), so ring ranges compare without sign tricks. ETags come from a
/// counter row that only ever grows, so a reminder removed and inserted again never gets back an ETag it had before.
/// </summary>
internal static class SqliteReminderSql
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id    TEXT    NOT NULL,
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            start_time    TEXT    NOT NULL,
            period_ms     INTEGER NOT NULL,
            grain_hash    INTEGER NOT NULL,
            etag          INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS ix_orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);
        CREATE TABLE IF NOT EXISTS orleans_reminder_etag (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            last_etag INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO orleans_reminder_etag (singleton, last_etag) VALUES (1, 0);
        """;

    private const string Columns = "SELECT grain_id, reminder_name, start_time, period_ms, etag FROM orleans_reminders";

    public const string ReadByGrain = $"{Columns} WHERE service_id = @service AND grain_id = @grain";

    public const string ReadOne = $"{Columns} WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name";

    /// <summary>(begin, end] when begin &lt; end.</summary>
    public const string ReadRange = $"{Columns} WHERE service_id = @service AND grain_hash > @begin AND grain_hash <= @end";

    /// <summary>The range wraps past the top of the ring: (begin, max] and [0, end].</summary>
    public const string ReadWrappedRange = $"{Columns} WHERE service_id = @service AND (grain_hash > @begin OR grain_hash <= @end)";

    public const string NextETag = "UPDATE orleans_reminder_etag SET last_etag = last_etag + 1 WHERE singleton = 1 RETURNING last_etag";

    public const string Upsert = """
        INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, etag)
        VALUES (@service, @grain, @name, @start, @period, @hash, @etag)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
            start_time = excluded.start_time,
            period_ms = excluded.period_ms,
            grain_hash = excluded.grain_hash,
            etag = excluded.etag
        """;

    public const string Remove =
        "DELETE FROM orleans_reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag";

    public const string Clear = "DELETE FROM orleans_reminders WHERE service_id = @service";
}
