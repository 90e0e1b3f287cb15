using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PolicingHub.EventLog.Appending;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Postgres;

/// <summary>
/// The event log in one PostgreSQL table shared by every silo of a cluster. Appends go through group commit (one loop,
/// one connection, one transaction per batch: <see cref="PostgresEventBatchWriter"/>), serialized across silos by an
/// advisory lock, so positions are gapless and in commit order cluster-wide. Reads use pooled connections and see only
/// committed transactions. The doorbell rings after this silo's commits at once, and after other silos' commits when
/// their NOTIFY arrives or the next poll finds them (<see cref="PostgresCommitListener"/>). As a hosted service it
/// creates the table and starts listening on start, and stops the writer loop on stop.
/// </summary>
public sealed class PostgresEventLog : IEventLog, IEventLogStoreReader, IEventLogDoorbell, IHostedService, IAsyncDisposable
{
    /// <summary>The application_name of the listener's connection, so operators can tell it apart in pg_stat_activity.</summary>
    public const string ListenerApplicationName = "policinghub-log-listener";

    private readonly PostgresEventLogOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _listenerSource;
    private readonly PostgresEventBatchWriter _writer;
    private readonly InProcessDoorbell _doorbell;
    private readonly GroupCommitAppender _appender;
    private readonly PostgresCommitListener _listener;
    private readonly ILogger _logger;
    private int _disposed;

    public PostgresEventLog(
        IOptions<PostgresEventLogOptions> options, TimeProvider timeProvider, IMeterFactory meterFactory, ILogger<PostgresEventLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var validation = new PostgresEventLogOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PostgresEventLogOptions), validation.Failures);
        }
        _logger = logger;
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_options.ConnectionString)
        {
            MaxPoolSize = _options.MaxPoolSize,
        }.ConnectionString);
        _writer = new PostgresEventBatchWriter(_dataSource);
        _doorbell = new InProcessDoorbell(logger);
        _appender = new GroupCommitAppender(
            _writer, _options.MaxBatchSize, _doorbell, new EventLogInstruments(meterFactory, "postgres"), timeProvider, logger);
        _listenerSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_options.ConnectionString)
        {
            ApplicationName = ListenerApplicationName,
        }.ConnectionString);
        _listener = new PostgresCommitListener(_listenerSource, _doorbell, _options.PollInterval, logger);
    }

    public Task<AppendResult> AppendAsync(
        string stream, long expectedSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _appender.AppendAsync(stream, expectedSequence, events, cancellationToken);
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        AppendArguments.ValidateRead(afterPosition, maxCount);
        return _appender.Recent.TryRead(afterPosition, maxCount) ?? await ReadFromStoreAsync(afterPosition, maxCount, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadFromStoreAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        AppendArguments.ValidateRead(afterPosition, maxCount);
        return QueryAsync(PostgresEventLogSchema.ReadAfterPosition, null, afterPosition, maxCount, cancellationToken);
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        AppendArguments.ValidateRead(afterSequence, maxCount);
        return QueryAsync(PostgresEventLogSchema.ReadStream, stream, afterSequence, maxCount, cancellationToken);
    }

    public async Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await using var command = _dataSource.CreateCommand(PostgresEventLogSchema.SelectLastPosition);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public IDisposable Subscribe(Action<long> committedUpTo) => _doorbell.Subscribe(committedUpTo);

    /// <summary>Creates the table (unless <see cref="PostgresEventLogOptions.CreateSchema"/> is off), so a bad connection stops the host; then listens.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.CreateSchema)
        {
            await PostgresEventLogSchemaInstaller.ApplyAsync(_dataSource, cancellationToken).ConfigureAwait(false);
        }
        _listener.Start();
        _logger.Opened("postgres", _options.RedactedConnectionString());
    }

    /// <summary>Refuses new appends, lets the batch in flight commit, fails the queued ones with <see cref="EventLogException"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _appender.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _appender.DisposeAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await _listenerSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<EventEnvelope>> QueryAsync(
        string sql, string? stream, long after, int maxCount, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (maxCount == 0)
        {
            return [];
        }
        await using var command = _dataSource.CreateCommand(sql);
        if (stream is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("stream", stream));
        }
        command.Parameters.Add(new NpgsqlParameter<long>("after", after));
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
        var envelopes = new List<EventEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            envelopes.Add(new EventEnvelope(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero),
                JsonElement.Parse(reader.GetString(5))));
        }
        return envelopes;
    }
}
