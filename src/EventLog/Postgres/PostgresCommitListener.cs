using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using PolicingHub.EventLog.Appending;

namespace PolicingHub.EventLog.Postgres;

/// <summary>
/// Hears other silos' commits and rings this process's doorbell: one connection LISTENs on the log's channel (each
/// writer NOTIFYs its batch's last position on commit) and, when nothing arrived for a poll interval, reads the last
/// position itself, so a lost notification or a dropped listener costs at most one interval. A dropped connection is
/// reopened after the interval; meanwhile readers keep their own safety polls. The doorbell drops positions already rung.
/// </summary>
internal sealed partial class PostgresCommitListener : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly InProcessDoorbell _doorbell;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public PostgresCommitListener(NpgsqlDataSource dataSource, InProcessDoorbell doorbell, TimeSpan pollInterval, ILogger logger)
    {
        _dataSource = dataSource;
        _doorbell = doorbell;
        _pollInterval = pollInterval;
        _logger = logger;
    }

    /// <summary>Starts listening in the background (idempotent).</summary>
    public void Start()
    {
        if (_loop.IsCompleted && !_stopping.IsCancellationRequested)
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                LogListenerDropped(_pollInterval, exception);
            }
            try
            {
                await Task.Delay(_pollInterval, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(stopping).ConfigureAwait(false);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                _doorbell.Ring(position);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresEventLogSchema.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
        }
        LogListening(PostgresEventLogSchema.Channel);
        await using var poll = new NpgsqlCommand(PostgresEventLogSchema.SelectLastPosition, connection);
        while (true)
        {
            // Polled right after LISTEN too: commits made while the listener was away are rung now.
            _doorbell.Ring((long)(await poll.ExecuteScalarAsync(stopping).ConfigureAwait(false))!);
            while (await connection.WaitAsync(_pollInterval, stopping).ConfigureAwait(false))
            {
                // Notifications were dispatched to the handler above; keep waiting until a quiet interval passes.
            }
        }
    }

    [LoggerMessage(5010, LogLevel.Debug, "Event log listener is listening on channel {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(5011, LogLevel.Warning, "Event log listener lost its PostgreSQL connection; reconnecting in {Delay} (readers keep polling)")]
    private partial void LogListenerDropped(TimeSpan delay, Exception exception);
}
