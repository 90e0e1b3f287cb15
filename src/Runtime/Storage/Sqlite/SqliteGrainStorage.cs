using System.Text.Json;
using Microsoft.Data.Sqlite;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>
/// Grain state in SQLite. A write is one transaction: the conditional update (or first insert) of the state, the
/// events appended to the grain's stream and the pending command record; a stale ETag rolls it all back. A clear sets
/// the payload to NULL and advances the etag (a tombstone), so a record's etags never repeat.
/// </summary>
/// <param name="time">Stamps updated_at on a clear (writes carry their own timestamp); the system clock when null.</param>
public sealed class SqliteGrainStorage(SqliteDatabase database, TimeProvider? time = null) : IGrainStorage
{
    private const string Key = "grain_type = @type AND grain_key = @key AND state_name = @state";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command($"SELECT payload, etag FROM grain_state WHERE {Key}")
            .WithKey(grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredState(reader.IsDBNull(0) ? null : reader.GetString(0), SqliteValues.FormatETag(reader.GetInt64(1)))
            : null;
    }

    public Task<WriteOutcome> WriteAsync(StateWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var data = write.Events.Select(e => SqliteValues.ParseJson(e.Data)).ToList();
        return database.WriteAsync(async (statements, transaction, token) =>
        {
            var version = await WriteStateAsync(statements, transaction, write, token)
                ?? throw await ConflictAsync(statements, transaction, write.GrainId, write.StateName, write.ExpectedETag, token);
            var events = await AppendEventsAsync(statements, transaction, write, data, token);
            if (write.Command is { } pending)
            {
                await statements.Get(
                    """
                    INSERT INTO command_results (grain_id, idempotency_key, method, completed)
                    VALUES (@grain, @idempotency_key, @method, 0)
                    ON CONFLICT DO NOTHING
                    """, transaction)
                    .Set("@grain", write.GrainId.ToString())
                    .Set("@idempotency_key", pending.IdempotencyKey)
                    .Set("@method", pending.Method)
                    .ExecuteNonQueryAsync(token);
            }
            return new WriteOutcome(SqliteValues.FormatETag(version), events);
        }, cancellationToken);
    }

    public Task<string> ClearAsync(
        GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (statements, transaction, token) =>
        {
            var expected = SqliteValues.ParseETag(expectedETag);
            if (expectedETag is null || expected is not null)
            {
                // Nothing expected: insert a tombstone only where no row (tombstone included) exists yet. Otherwise turn
                // the row with the expected etag (a record or a tombstone) into a tombstone with the next etag.
                var command = expected is null
                    ? statements.Get(
                        """
                        INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_at)
                        VALUES (@type, @key, @state, 1, NULL, @updated_at)
                        ON CONFLICT DO NOTHING
                        """, transaction)
                    : statements.Get(
                        $"UPDATE grain_state SET etag = etag + 1, payload = NULL, updated_at = @updated_at WHERE {Key} AND etag = @etag",
                        transaction).Set("@etag", expected);
                command.SetKey(grainId, stateName).Set("@updated_at", SqliteValues.FormatTime(_time.GetUtcNow()));
                if (await command.ExecuteNonQueryAsync(token) == 1)
                {
                    return SqliteValues.FormatETag((expected ?? 0) + 1);
                }
            }
            throw await ConflictAsync(statements, transaction, grainId, stateName, expectedETag, token);
        }, cancellationToken);

    /// <summary>The new version, or null when the stored ETag is not the expected one.</summary>
    private static async Task<long?> WriteStateAsync(
        SqliteStatementCache statements, SqliteTransaction transaction, StateWrite write, CancellationToken cancellationToken)
    {
        var expected = SqliteValues.ParseETag(write.ExpectedETag);
        if (write.ExpectedETag is not null && expected is null)
        {
            return null;
        }
        var command = expected is null
            ? statements.Get(
                """
                INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_at)
                VALUES (@type, @key, @state, 1, @payload, @updated_at)
                ON CONFLICT DO NOTHING
                """, transaction)
            : statements.Get(
                $"UPDATE grain_state SET etag = etag + 1, payload = @payload, updated_at = @updated_at WHERE {Key} AND etag = @etag",
                transaction).Set("@etag", expected);
        var changed = await command
            .SetKey(write.GrainId, write.StateName)
            .Set("@payload", write.Payload)
            .Set("@updated_at", SqliteValues.FormatTime(write.Timestamp))
            .ExecuteNonQueryAsync(cancellationToken);
        return changed == 1 ? (expected ?? 0) + 1 : null;
    }

    private static async Task<IReadOnlyList<EventEnvelope>> AppendEventsAsync(
        SqliteStatementCache statements, SqliteTransaction transaction, StateWrite write, List<JsonElement> data, CancellationToken cancellationToken)
    {
        if (write.Events.Count == 0)
        {
            return [];
        }
        var stream = write.GrainId.ToString();
        var sequence = (long)(await statements.Get("SELECT COALESCE(MAX(sequence), 0) FROM events WHERE stream = @stream", transaction)
            .Set("@stream", stream)
            .ExecuteScalarAsync(cancellationToken))!;

        var occurredAt = SqliteValues.FormatTime(write.Timestamp);
        var committed = new List<EventEnvelope>(write.Events.Count);
        for (var i = 0; i < write.Events.Count; i++)
        {
            var pending = write.Events[i];
            var position = (long)(await statements.Get(
                """
                INSERT INTO events (stream, sequence, type, occurred_at, data)
                VALUES (@stream, @sequence, @type, @occurred_at, @data)
                RETURNING position
                """, transaction)
                .Set("@stream", stream)
                .Set("@sequence", ++sequence)
                .Set("@type", pending.Type)
                .Set("@occurred_at", occurredAt)
                .Set("@data", pending.Data)
                .ExecuteScalarAsync(cancellationToken))!;
            committed.Add(new EventEnvelope(position, stream, sequence, pending.Type, write.Timestamp, data[i]));
        }
        return committed;
    }

    private static async Task<long?> ReadVersionAsync(
        SqliteStatementCache statements, SqliteTransaction transaction, GrainId grainId, string stateName,
        CancellationToken cancellationToken) =>
        await statements.Get($"SELECT etag FROM grain_state WHERE {Key}", transaction)
            .SetKey(grainId, stateName)
            .ExecuteScalarAsync(cancellationToken) is long version ? version : null;

    private static async Task<InconsistentStateException> ConflictAsync(
        SqliteStatementCache statements, SqliteTransaction transaction, GrainId grainId, string stateName, string? expected,
        CancellationToken cancellationToken)
    {
        var stored = await ReadVersionAsync(statements, transaction, grainId, stateName, cancellationToken);
        var storedETag = stored is null ? null : SqliteValues.FormatETag(stored.Value);
        return new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} was not written: expected ETag {expected ?? "(none)"}, " +
            $"found {storedETag ?? "(none)"}.", storedETag, currentETag: expected);
    }
}
