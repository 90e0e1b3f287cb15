-- The table Orleans' ADO.NET providers read their named queries from (Microsoft.Orleans.*.AdoNet 10.4.2 run
-- "SELECT QueryKey, QueryText FROM OrleansQuery" on start). PolicingHub's own script: the packages ship no SQL.
-- Applied with the clustering, reminders and persistence scripts by PostgresOrleansSchema, in one transaction under
-- an advisory lock; every statement is idempotent and the query texts are replaced on each run.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
