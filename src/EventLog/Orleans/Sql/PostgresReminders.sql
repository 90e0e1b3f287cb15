-- Orleans reminders on PostgreSQL for Microsoft.Orleans.Reminders.AdoNet 10.4.2 (invariant "Npgsql").
--
-- What the provider expects (learned from dotnet/orleans src/AdoNet and RelationalOrleansQueries):
--   * queries under the keys UpsertReminderRowKey, ReadReminderRowKey, ReadReminderRowsKey, ReadRangeRows1Key,
--     ReadRangeRows2Key, DeleteReminderRowKey and DeleteReminderRowsKey;
--   * parameters @ServiceId, @GrainId (its string form), @ReminderName, @StartTime (UTC), @Period (milliseconds, an
--     int or a bigint), @GrainHash, @BeginHash, @EndHash (the uniform hash as a signed int) and @Version (the ETag);
--   * reads by column name GrainId, ReminderName, StartTime, Period (bigint) and Version (the ETag); an upsert
--     answers the row's new Version; a delete answers one value that is true only when the row with that ETag went.
-- ETags come from one sequence, not a per-row counter from 0: a reminder removed and added again never gets back an
-- ETag it had before, so a holder of an old ETag cannot remove the new row.
-- Ranges: when BeginHash < EndHash (as signed ints) the ring slice is (Begin, End]; otherwise it wraps around.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE SEQUENCE IF NOT EXISTS orleans_reminders_etag AS integer CYCLE;

CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $q$
    INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId::text, @GrainId::text, @ReminderName::text, @StartTime::timestamptz, @Period::bigint, @GrainHash::integer,
        nextval('orleans_reminders_etag'))
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms, grain_hash = EXCLUDED.grain_hash,
            version = nextval('orleans_reminders_etag')
    RETURNING version AS Version;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text AND reminder_name = @ReminderName::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::text AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::text AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer);
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId::text AND grain_id = @GrainId::text AND reminder_name = @ReminderName::text
            AND version = @Version::integer
        RETURNING 1)
    SELECT count(*)::integer FROM deleted;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminders WHERE service_id = @ServiceId::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
