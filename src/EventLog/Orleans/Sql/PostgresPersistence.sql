-- Grain state on PostgreSQL for Microsoft.Orleans.Persistence.AdoNet 10.4.2 (invariant "Npgsql"). The same contract
-- as SqlitePersistence.sql beside it (keys WriteToStorageKey, ReadFromStorageKey, ClearStorageKey, DeleteStorageKey;
-- parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
-- @ServiceId, @GrainStateVersion (NULL for a state never written), @PayloadBinary; columns PayloadBinary, Version,
-- NewGrainStateVersion). No row back (or a version other than the one expected) is a stale ETag: the provider raises
-- InconsistentStateException.
-- One row per state: UNIQUE NULLS NOT DISTINCT (PostgreSQL 15) keeps "no key extension" (NULL) one value.

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id         varchar(150) NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_id_hash      integer      NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension varchar(512) NULL,
    payload_binary     bytea        NULL,     -- NULL once cleared: the row stays, its version keeps growing
    version            integer      NOT NULL, -- the ETag
    modified_on        timestamptz  NOT NULL,
    CONSTRAINT orleans_storage_state UNIQUE NULLS NOT DISTINCT
        (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- Write: either bump the version the grain read (@GrainStateVersion set) or insert version 1 (@GrainStateVersion
-- NULL, no row yet); at most one of the two can write, and a lost race answers no row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans_storage
        SET payload_binary = @PayloadBinary::bytea, version = version + 1, modified_on = now()
        WHERE @GrainStateVersion::integer IS NOT NULL
            AND service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
            AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
            AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text
            AND version = @GrainStateVersion::integer
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_storage
            (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
             payload_binary, version, modified_on)
        SELECT @ServiceId::text, @GrainTypeHash::integer, @GrainIdHash::integer, @GrainTypeString::text, @GrainIdN0::bigint,
            @GrainIdN1::bigint, @GrainIdExtensionString::text, @PayloadBinary::bytea, 1, now()
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT ON CONSTRAINT orleans_storage_state DO NOTHING
        RETURNING version)
    SELECT version AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT version FROM inserted;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
    SELECT payload_binary AS PayloadBinary, version AS Version
    FROM orleans_storage
    WHERE service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
        AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
        AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear keeps the row (payload NULL) and bumps the version, so the cleared state has an ETag of its own.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
    UPDATE orleans_storage
    SET payload_binary = NULL, version = version + 1, modified_on = now()
    WHERE service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
        AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
        AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text
        AND version = @GrainStateVersion::integer
    RETURNING version AS NewGrainStateVersion;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteStateOnClear: the row goes; the provider wants the deleted version + 1 back as proof.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
    DELETE FROM orleans_storage
    WHERE service_id = @ServiceId::text AND grain_type_hash = @GrainTypeHash::integer AND grain_id_hash = @GrainIdHash::integer
        AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
        AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::text
        AND version = @GrainStateVersion::integer
    RETURNING version + 1 AS NewGrainStateVersion;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
