using Npgsql;
using NpgsqlTypes;
using PolicingHub.EventLog.Appending;

namespace PolicingHub.EventLog.Postgres;

/// <summary>
/// Writes a batch of appends in one PostgreSQL transaction, in three round trips: (1) BEGIN, take the log's advisory
/// write lock, read the last position and the heads of the batch's streams; (2) insert every committing event in one
/// statement and queue a NOTIFY; (3) COMMIT. Holding the lock from before the last position is read until the commit
/// makes positions gapless and in commit order even with writers in several processes (DESIGN §4.5). The connection is
/// kept between batches and dropped after any failure. Only the <see cref="GroupCommitAppender"/>'s loop calls it.
/// </summary>
internal sealed class PostgresEventBatchWriter(NpgsqlDataSource dataSource) : IEventBatchWriter, IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public TimeSpan TimestampPrecision => PostgresTimestamps.Precision;

    public async Task<IReadOnlyList<AppendResult>> WriteAsync(
        IReadOnlyList<PendingAppend> batch, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        NpgsqlTransaction? transaction = null;
        List<AppendResult> results;
        try
        {
            var connection = _connection ??= await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var (lastPosition, heads) = await LockAndReadHeadsAsync(connection, batch, cancellationToken).ConfigureAwait(false);
            var sequencer = new BatchSequencer(lastPosition);
            results = new List<AppendResult>(batch.Count);
            foreach (var append in batch)
            {
                results.Add(sequencer.Place(append, sequencer.TryGetHead(append.Stream, out var head) ? head : heads[append.Stream]));
            }
            if (sequencer.LastPosition > lastPosition)
            {
                await InsertAsync(connection, batch, results, occurredAt, sequencer.LastPosition, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            await AbandonAsync(transaction).ConfigureAwait(false);
            throw new EventLogException(
                "The PostgreSQL event log failed before commit; nothing of the batch was appended.", outcomeUnknown: false, exception);
        }
        try
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await AbandonAsync(transaction).ConfigureAwait(false);
            // A refusal the server answered with (integrity, rollback classes) rolled back; anything else may have committed.
            var rolledBack = exception is PostgresException { SqlState: var state } && (state.StartsWith("23", StringComparison.Ordinal) || state.StartsWith("40", StringComparison.Ordinal));
            throw new EventLogException(rolledBack
                ? "The PostgreSQL event log refused the commit; nothing of the batch was appended."
                : "The PostgreSQL event log failed to commit; the batch may have been appended.", outcomeUnknown: !rolledBack, exception);
        }
        await transaction.DisposeAsync().ConfigureAwait(false);
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private static async Task<(long LastPosition, Dictionary<string, long> Heads)> LockAndReadHeadsAsync(
        NpgsqlConnection connection, IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        var streams = batch.Select(a => a.Stream).Distinct(StringComparer.Ordinal).ToArray();
        await using var read = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(PostgresEventLogSchema.TakeWriteLock) { Parameters = { new("key", PostgresEventLogSchema.WriteLockKey) } },
                new NpgsqlBatchCommand(PostgresEventLogSchema.SelectLastPosition),
                new NpgsqlBatchCommand(PostgresEventLogSchema.SelectStreamHeads) { Parameters = { new("streams", streams) } },
            },
        };
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false); // the lock's void row
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var lastPosition = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var heads = new Dictionary<string, long>(streams.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[reader.GetString(0)] = reader.GetInt64(1);
        }
        return (lastPosition, heads);
    }

    private static async Task InsertAsync(
        NpgsqlConnection connection, IReadOnlyList<PendingAppend> batch, List<AppendResult> results, DateTimeOffset occurredAt,
        long lastPosition, CancellationToken cancellationToken)
    {
        var count = results.Where(r => r.Succeeded).Sum(r => (int)(r.LastPosition - r.FirstPosition + 1));
        var (positions, streams, sequences, types, data) = (new long[count], new string[count], new long[count], new string[count], new string[count]);
        var row = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!results[i].Succeeded)
            {
                continue;
            }
            var events = batch[i].Events;
            for (var j = 0; j < events.Count; j++, row++)
            {
                positions[row] = results[i].FirstPosition + j;
                streams[row] = batch[i].Stream;
                sequences[row] = results[i].ExpectedSequence + 1 + j;
                types[row] = events[j].Type;
                data[row] = events[j].Data.GetRawText();
            }
        }
        await using var write = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(PostgresEventLogSchema.Insert)
                {
                    Parameters =
                    {
                        new("positions", positions), new("streams", streams), new("sequences", sequences), new("types", types),
                        new("data", data), new("occurred_at", NpgsqlDbType.TimestampTz) { Value = occurredAt.UtcDateTime },
                    },
                },
                new NpgsqlBatchCommand(PostgresEventLogSchema.Notify) { Parameters = { new("position", lastPosition) } },
            },
        };
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the connection (which rolls back whatever is open); the next batch opens a fresh one.</summary>
    private async Task AbandonAsync(NpgsqlTransaction? transaction)
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            // The connection is going anyway; closing it rolls back whatever is still open.
        }
        await DisposeAsync().ConfigureAwait(false);
    }
}
