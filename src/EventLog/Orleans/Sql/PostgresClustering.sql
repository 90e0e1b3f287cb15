-- Orleans membership on PostgreSQL for Microsoft.Orleans.Clustering.AdoNet 10.4.2 (invariant "Npgsql").
--
-- What the provider expects (learned from dotnet/orleans src/AdoNet and RelationalOrleansQueries):
--   * queries under the keys InsertMembershipVersionKey, InsertMembershipKey, UpdateMembershipKey,
--     UpdateIAmAlivetimeKey, MembershipReadRowKey, MembershipReadAllKey, GatewaysQueryKey,
--     DeleteMembershipTableEntriesKey and CleanupDefunctSiloEntriesKey;
--   * parameters @DeploymentId (the cluster id), @Address, @Port, @Generation, @SiloName, @HostName, @Status,
--     @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime (UTC) and @Version (the table version it read);
--   * reads by column name (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
--     SuspectTimes, StartTime, IAmAliveTime, Version); a row with a NULL StartTime means "version row only";
--   * inserts and updates answer one value that is true (non-zero) only when the row was written AND the table
--     version moved from @Version to @Version + 1 — the compare-and-swap Orleans' membership protocol relies on.
-- Every parameter is cast, so PostgreSQL never has to guess a type (a NULL is sent untyped).

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id  varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address        varchar(45)  NOT NULL,
    port           integer      NOT NULL,
    generation     integer      NOT NULL,
    silo_name      varchar(150) NOT NULL,
    host_name      varchar(150) NOT NULL,
    status         integer      NOT NULL,
    proxy_port     integer      NULL,
    suspect_times  text         NULL,
    start_time     timestamptz  NOT NULL,
    i_am_alive_at  timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId::text)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM inserted;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The version moves only if it is still @Version and the silo's row does not exist yet; the row is inserted only if
-- the version moved. Both in one statement: a concurrent writer waits on the version row and then finds it changed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version
        SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId::text AND version = @Version::integer
            AND NOT EXISTS (
                SELECT 1 FROM orleans_membership
                WHERE deployment_id = @DeploymentId::text AND address = @Address::text
                    AND port = @Port::integer AND generation = @Generation::integer)
        RETURNING deployment_id),
    inserted AS (
        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_at)
        SELECT deployment_id, @Address::text, @Port::integer, @Generation::integer, @SiloName::text, @HostName::text,
            @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz
        FROM bumped
        RETURNING 1)
    SELECT count(*)::integer FROM inserted;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version
        SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId::text AND version = @Version::integer
            AND EXISTS (
                SELECT 1 FROM orleans_membership
                WHERE deployment_id = @DeploymentId::text AND address = @Address::text
                    AND port = @Port::integer AND generation = @Generation::integer)
        RETURNING deployment_id),
    updated AS (
        UPDATE orleans_membership m
        SET status = @Status::integer, suspect_times = @SuspectTimes::text, i_am_alive_at = @IAmAliveTime::timestamptz
        FROM bumped
        WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address::text
            AND m.port = @Port::integer AND m.generation = @Generation::integer
        RETURNING 1)
    SELECT count(*)::integer FROM updated;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The heartbeat: not versioned (Orleans does not check its result).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership
    SET i_am_alive_at = @IAmAliveTime::timestamptz
    WHERE deployment_id = @DeploymentId::text AND address = @Address::text
        AND port = @Port::integer AND generation = @Generation::integer;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- One silo's row with the table version; the version row alone when the silo has none.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
        m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
        m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_at AS IAmAliveTime, v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
        AND m.address = @Address::text AND m.port = @Port::integer AND m.generation = @Generation::integer
    WHERE v.deployment_id = @DeploymentId::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
        m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
        m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_at AS IAmAliveTime, v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId::text AND status = @Status::integer AND proxy_port > 0;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId::text;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId::text;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Rows of silos that stopped heart-beating before @IAmAliveTime, unless still Active (status 3): a dead or stopped
-- silo's row is history Orleans no longer needs.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId::text AND i_am_alive_at < @IAmAliveTime::timestamptz AND status <> 3;
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
