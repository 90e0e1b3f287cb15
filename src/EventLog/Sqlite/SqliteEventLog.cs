using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.EventLog.Appending;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Sqlite;

/// <summary>
/// The event log in one SQLite file (WAL). Appends go through group commit: one loop, one write connection, one
/// transaction per batch (<see cref="SqliteEventBatchWriter"/>). Reads use their own connections beside the writer,
/// with prepared queries (<see cref="SqliteLogReaders"/>); they see only committed transactions, and positions are
/// committed in order, so a reader never sees a gap. Rings its doorbell after each commit. Checkpoints of the write-ahead log run beside the writer (<see cref="SqliteWalCheckpointer"/>). As a hosted service it creates the file on start and stops the writer loop on stop; disposing it
/// does the same, then closes the file.
/// </summary>
public sealed class SqliteEventLog : IEventLog, IEventLogStoreReader, IEventLogDoorbell, IHostedService, IAsyncDisposable, IDisposable
{
    private readonly SqliteEventLogFile _file;
    private readonly SqliteEventBatchWriter _writer;
    private readonly SqliteLogReaders _readers;
    private readonly InProcessDoorbell _doorbell;
    private readonly GroupCommitAppender _appender;
    private readonly SqliteWalCheckpointer? _checkpointer;
    private readonly ILogger _logger;
    private int _disposed;

    public SqliteEventLog(
        IOptions<SqliteEventLogOptions> options, TimeProvider timeProvider, IMeterFactory meterFactory, ILogger<SqliteEventLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var validation = new SqliteEventLogOptionsValidator().Validate(Options.DefaultName, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SqliteEventLogOptions), validation.Failures);
        }
        _logger = logger;
        _file = new SqliteEventLogFile(settings.Path);
        var instruments = new EventLogInstruments(meterFactory, "sqlite");
        var backgroundCheckpoints = settings.CheckpointInterval > TimeSpan.Zero;
        _writer = new SqliteEventBatchWriter(_file, settings.Synchronous, backgroundCheckpoints);
        _readers = new SqliteLogReaders(_file);
        _doorbell = new InProcessDoorbell(logger);
        _appender = new GroupCommitAppender(_writer, settings.MaxBatchSize, _doorbell, instruments, timeProvider, logger);
        if (backgroundCheckpoints)
        {
            _checkpointer = new SqliteWalCheckpointer(_file, _doorbell, settings.CheckpointInterval, timeProvider, instruments, logger);
            _checkpointer.Start();
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _file.FilePath;

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

    public async Task<IReadOnlyList<EventEnvelope>> ReadFromStoreAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        AppendArguments.ValidateRead(afterPosition, maxCount);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return await _readers.ReadAsync(afterPosition, maxCount, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string stream, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        AppendArguments.ValidateRead(afterSequence, maxCount);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return await _readers.ReadStreamAsync(stream, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _readers.GetLastPositionAsync(cancellationToken);
    }

    public IDisposable Subscribe(Action<long> committedUpTo) => _doorbell.Subscribe(committedUpTo);

    /// <summary>Creates the folder, file and table now, so a bad path stops the host instead of the first append.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _file.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        _logger.Opened("sqlite", _file.FilePath);
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
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync().ConfigureAwait(false);
        }
        _writer.Dispose();
        _readers.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
