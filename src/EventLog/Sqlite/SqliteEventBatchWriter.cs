using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicingHub.EventLog.Appending;

namespace PolicingHub.EventLog.Sqlite;

/// <summary>
/// Writes a batch of appends in one BEGIN IMMEDIATE transaction on the log's single write connection, with three
/// statements prepared once and rebound for every write (Microsoft.Data.Sqlite has no statement cache). SQLite lets
/// one writer at a time hold the lock, so the last position read inside the transaction is the log's, and the
/// positions handed out after it are gapless and in commit order. Stream heads are read from the table (the
/// (stream, sequence) index) the first time a batch touches a stream; nothing is cached between transactions, so a
/// failed transaction leaves nothing stale. After any failure the connection is closed and reopened on the next batch.
/// Only the <see cref="GroupCommitAppender"/>'s loop calls it, one batch at a time.
/// </summary>
internal sealed class SqliteEventBatchWriter(SqliteEventLogFile file, SqliteSynchronousMode synchronous, bool backgroundCheckpoints = false)
    : IEventBatchWriter, IDisposable
{
    private SqliteConnection? _connection;
    private SqliteCommand? _lastPosition;
    private SqliteCommand? _streamHead;
    private SqliteCommand? _insert;

    public async Task<IReadOnlyList<AppendResult>> WriteAsync(
        IReadOnlyList<PendingAppend> batch, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        SqliteTransaction? transaction = null;
        IReadOnlyList<AppendResult> results;
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            transaction = connection.BeginTransaction(deferred: false);
            results = Write(batch, occurredAt.ToString("o", CultureInfo.InvariantCulture), transaction);
        }
        catch (Exception exception)
        {
            Abandon(transaction);
            throw new EventLogException(
                $"The SQLite event log ({file.FilePath}) failed before commit; nothing of the batch was appended.", outcomeUnknown: false, exception);
        }
        try
        {
            transaction.Commit();
        }
        catch (Exception exception)
        {
            Abandon(transaction);
            throw new EventLogException(
                $"The SQLite event log ({file.FilePath}) failed to commit; the batch may have been appended.", outcomeUnknown: true, exception);
        }
        transaction.Dispose();
        return results;
    }

    public void Dispose() => Close();

    private List<AppendResult> Write(IReadOnlyList<PendingAppend> batch, string occurredAt, SqliteTransaction transaction)
    {
        var sequencer = new BatchSequencer(Scalar(_lastPosition!, transaction));
        var results = new List<AppendResult>(batch.Count);
        foreach (var append in batch)
        {
            if (!sequencer.TryGetHead(append.Stream, out var head))
            {
                _streamHead!.Parameters[0].Value = append.Stream;
                head = Scalar(_streamHead, transaction);
            }
            var result = sequencer.Place(append, head);
            if (result.Succeeded)
            {
                Insert(append, result.FirstPosition, occurredAt, transaction);
            }
            results.Add(result);
        }
        return results;
    }

    private void Insert(PendingAppend append, long firstPosition, string occurredAt, SqliteTransaction transaction)
    {
        var insert = _insert!;
        insert.Transaction = transaction;
        var p = insert.Parameters;
        p[1].Value = append.Stream;
        p[4].Value = occurredAt;
        for (var i = 0; i < append.Events.Count; i++)
        {
            var e = append.Events[i];
            p[0].Value = firstPosition + i;
            p[2].Value = append.ExpectedSequence + 1 + i;
            p[3].Value = e.Type;
            p[5].Value = e.Data.GetRawText();
            insert.ExecuteNonQuery();
        }
    }

    private static long Scalar(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        return (long)command.ExecuteScalar()!;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return _connection;
        }
        await file.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await file.OpenWriterAsync(synchronous, backgroundCheckpoints, cancellationToken).ConfigureAwait(false);
        _connection = connection;
        _lastPosition = Prepare(connection, SqliteEventLogSchema.SelectLastPosition);
        _streamHead = Prepare(connection, SqliteEventLogSchema.SelectStreamHead,
            ("$stream", SqliteType.Text));
        _insert = Prepare(connection, SqliteEventLogSchema.Insert,
            ("$position", SqliteType.Integer), ("$stream", SqliteType.Text), ("$sequence", SqliteType.Integer),
            ("$type", SqliteType.Text), ("$occurred_at", SqliteType.Text), ("$data", SqliteType.Text));
        return connection;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }
        command.Prepare();
        return command;
    }

    /// <summary>Rolls back what it can and closes the connection; the next batch opens a fresh one.</summary>
    private void Abandon(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // The connection is going anyway; closing it rolls back whatever is still open.
        }
        Close();
    }

    private void Close()
    {
        _insert?.Dispose();
        _streamHead?.Dispose();
        _lastPosition?.Dispose();
        _connection?.Dispose();
        (_insert, _streamHead, _lastPosition, _connection) = (null, null, null, null);
    }
}
