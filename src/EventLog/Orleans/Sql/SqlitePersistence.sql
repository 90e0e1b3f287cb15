-- Grain state on SQLite for Orleans' own ADO.NET persistence provider (Microsoft.Orleans.Persistence.AdoNet 10.4.2).
-- PolicingHub's own script: the provider's package ships no SQL. Applied by SqliteGrainStorageSchema.EnsureCreatedAsync
-- in one transaction; every statement is idempotent, and the query texts are replaced on each start.
--
-- What the provider expects (learned from dotnet/orleans src/AdoNet and AdoNetGrainStorage):
--   * a table OrleansQuery(QueryKey, QueryText) holding its queries under the keys WriteToStorageKey,
--     ReadFromStorageKey, ClearStorageKey and, for DeleteStateOnClear only, DeleteStorageKey;
--   * the parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
--     @ServiceId, @GrainStateVersion (NULL for a state never written) and, for writes, @PayloadBinary;
--   * columns read by name: PayloadBinary and Version (read), NewGrainStateVersion (write); the first column (clear,
--     delete). No row back (or the version it sent) means its ETag was stale: it raises InconsistentStateException.
-- The grain type the provider passes is the state's name ([PersistentState("name")]), not the grain class.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id         TEXT    NOT NULL,
    grain_type_hash    INTEGER NOT NULL,
    grain_id_hash      INTEGER NOT NULL,
    grain_type         TEXT    NOT NULL,
    grain_id_n0        INTEGER NOT NULL,
    grain_id_n1        INTEGER NOT NULL,
    grain_id_extension TEXT    NULL,
    payload_binary     BLOB    NULL,     -- NULL once cleared: the row stays, its version keeps growing
    version            INTEGER NOT NULL, -- the ETag
    modified_on        TEXT    NOT NULL  -- UTC, informational
);

-- One row per state. ifnull(extension, X'') keeps "no key extension" apart from an empty one (a BLOB never equals TEXT).
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage ON orleans_storage
    (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, ifnull(grain_id_extension, X''));

-- Write: either bump the version the grain read (@GrainStateVersion set) or insert version 1 (@GrainStateVersion
-- NULL, no row yet). Exactly one of the two statements can change anything, and each is atomic on its own.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
    UPDATE orleans_storage
    SET payload_binary = @PayloadBinary, version = version + 1, modified_on = CURRENT_TIMESTAMP
    WHERE @GrainStateVersion IS NOT NULL
        AND service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
        AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension IS @GrainIdExtensionString
        AND version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion;

    INSERT INTO orleans_storage
        (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
         payload_binary, version, modified_on)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
        @PayloadBinary, 1, CURRENT_TIMESTAMP
    WHERE @GrainStateVersion IS NULL
        AND NOT EXISTS (
            SELECT 1 FROM orleans_storage
            WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
                AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
                AND grain_id_extension IS @GrainIdExtensionString)
    RETURNING version AS NewGrainStateVersion;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
    SELECT payload_binary AS PayloadBinary, version AS Version
    FROM orleans_storage
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
        AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension IS @GrainIdExtensionString
    LIMIT 1;
');

-- Clear keeps the row (payload NULL) and bumps the version, so the cleared state has an ETag of its own.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
    UPDATE orleans_storage
    SET payload_binary = NULL, version = version + 1, modified_on = CURRENT_TIMESTAMP
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
        AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension IS @GrainIdExtensionString
        AND version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion;
');

-- DeleteStateOnClear: the row goes; the provider wants the deleted version + 1 back as proof.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
    DELETE FROM orleans_storage
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
        AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension IS @GrainIdExtensionString
        AND version = @GrainStateVersion
    RETURNING version + 1 AS NewGrainStateVersion;
');
