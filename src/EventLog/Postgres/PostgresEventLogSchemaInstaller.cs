using Npgsql;

namespace PolicingHub.EventLog.Postgres;

/// <summary>Creates the event log's table if missing, under the write lock so silos starting together do not race on the DDL.</summary>
public static class PostgresEventLogSchemaInstaller
{
    /// <summary>Applies <see cref="PostgresEventLogSchema.Create"/> in one transaction; safe to run on every start and from several silos.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(PostgresEventLogSchema.TakeWriteLock, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long>("key", PostgresEventLogSchema.WriteLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var command = new NpgsqlCommand(PostgresEventLogSchema.Create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
