using PolicingHub.Runtime.Idempotency;

namespace PolicingHub.Runtime.Storage.Sqlite;

/// <summary>Command outcomes in SQLite: pending rows come from state writes; completion never replaces an outcome.</summary>
public sealed class SqliteCommandLedger(SqliteDatabase database) : ICommandLedger
{
    public async Task<CommandRecord?> FindAsync(GrainId grainId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT method, completed, result_json, error_type, error_message FROM command_results
            WHERE grain_id = @grain AND idempotency_key = @idempotency_key
            """)
            .With("@grain", grainId.ToString())
            .With("@idempotency_key", idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var outcome = reader.GetInt64(1) == 0
            ? null
            : new CommandOutcome(
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4));
        return new CommandRecord(reader.GetString(0), outcome);
    }

    public Task CompleteAsync(
        GrainId grainId, string idempotencyKey, string method, CommandOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return database.WriteAsync((statements, transaction, token) =>
            statements.Get(
                """
                INSERT INTO command_results (grain_id, idempotency_key, method, result_json, error_type, error_message, completed)
                VALUES (@grain, @idempotency_key, @method, @result_json, @error_type, @error_message, 1)
                ON CONFLICT (grain_id, idempotency_key) DO UPDATE SET
                    result_json = excluded.result_json,
                    error_type = excluded.error_type,
                    error_message = excluded.error_message,
                    completed = 1
                WHERE command_results.completed = 0
                """, transaction)
                .Set("@grain", grainId.ToString())
                .Set("@idempotency_key", idempotencyKey)
                .Set("@method", method)
                .Set("@result_json", outcome.ResultJson)
                .Set("@error_type", outcome.ErrorType)
                .Set("@error_message", outcome.ErrorMessage)
                .ExecuteNonQueryAsync(token), cancellationToken);
    }
}
