using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PolicingHub.EventLog.Appending;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Sqlite;

/// <summary>
/// Keeps the write-ahead log short without making a commit wait for it. Left to SQLite, the commit that pushes the WAL
/// past 1,000 pages copies it into the database and syncs the file before it returns — and every append queued behind
/// that batch waits too. Instead the writer's automatic checkpoint is raised to a safety limit
/// (<see cref="WriterSafetyLimitPages"/>), and this loop runs a PASSIVE checkpoint on its own connection every
/// interval while the doorbell reports new commits: PASSIVE never blocks the writer or a reader, it copies what no reader still needs.
/// </summary>
internal sealed class SqliteWalCheckpointer(
    SqliteEventLogFile file, InProcessDoorbell committed, TimeSpan interval, TimeProvider time, EventLogInstruments instruments, ILogger logger)
    : IAsyncDisposable
{
    /// <summary>The writer checkpoints by itself only if this loop falls this far behind (4 KiB pages: about 200 MB).</summary>
    public const int WriterSafetyLimitPages = 50_000;

    private readonly CancellationTokenSource _stopping = new();
    private long _checkpointedUpTo;
    private Task? _loop;

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stopping.Token));

    private async Task RunAsync(CancellationToken stopping)
    {
        SqliteConnection? connection = null;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                var committedUpTo = committed.Highest;
                if (committedUpTo <= _checkpointedUpTo)
                {
                    continue;
                }
                try
                {
                    connection ??= await file.OpenCheckpointerAsync(stopping).ConfigureAwait(false);
                    var frames = await CheckpointAsync(connection, stopping).ConfigureAwait(false);
                    instruments.Checkpointed(frames);
                    _checkpointedUpTo = committedUpTo;
                }
                catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
                {
                    logger.CheckpointFailed(ex);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>One PASSIVE checkpoint; answers how many WAL frames it copied into the database.</summary>
    private static async Task<long> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt64(2) : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }
        _stopping.Dispose();
    }
}
