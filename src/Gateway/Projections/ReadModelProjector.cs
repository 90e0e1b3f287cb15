using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Feed;

namespace PolicingHub.Gateway.Projections;

/// <summary>
/// Feeds the <see cref="HubReadModel"/> from the log: on start it folds the whole log (the checkpoint is the model's
/// position, so a restart rebuilds from the log and nothing is counted twice), then follows the doorbell with a slow
/// safety tick. Every silo runs its own (idempotent, per position), so reads on any silo agree once caught up.
/// <see cref="CatchUpAsync"/> gives read-your-writes: it waits until everything committed before the call is applied.
/// </summary>
internal sealed partial class ReadModelProjector(
    IEventLog log,
    IEventLogDoorbell doorbell,
    HubReadModel model,
    IOptions<ConsoleFeedOptions> options,
    TimeProvider time,
    ILogger<ReadModelProjector> logger) : BackgroundService
{
    private readonly Channel<bool> _ring = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _waitersLock = new();
    private readonly List<(long Position, TaskCompletionSource Done)> _waiters = [];

    public long Position => model.Position;

    /// <summary>How long a read waits for the read models before it is answered 503.</summary>
    public static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Completes when every event committed before this call has been applied to the read models; throws
    /// <see cref="ReadModelsBehindException"/> after <see cref="CatchUpLimit"/>.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var last = await log.GetLastPositionAsync(cancellationToken);
        if (model.Position >= last)
        {
            return;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            _waiters.Add((last, done));
        }
        _ring.Writer.TryWrite(true);
        if (model.Position >= last)
        {
            return;
        }
        try
        {
            await done.Task.WaitAsync(CatchUpLimit, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ReadModelsBehindException(model.Position, last);
        }
        finally
        {
            lock (_waitersLock)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var subscription = doorbell.Subscribe(_ => _ring.Writer.TryWrite(true));
        var tick = options.Value.SafetyTick;
        using var timer = time.CreateTimer(_ => _ring.Writer.TryWrite(true), null, tick, tick);
        _ring.Writer.TryWrite(true);
        try
        {
            while (await _ring.Reader.WaitToReadAsync(stoppingToken))
            {
                _ring.Reader.TryRead(out _);
                try
                {
                    await PumpAsync(options.Value.PageSize, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.PumpFailed(logger, model.Position, ex);
                }
                ReleaseWaiters();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PumpAsync(int pageSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await log.ReadAsync(model.Position, pageSize, cancellationToken);
            foreach (var envelope in page)
            {
                model.Apply(envelope);
            }
            ReleaseWaiters();
            if (page.Count < pageSize)
            {
                return;
            }
        }
    }

    private void ReleaseWaiters()
    {
        var position = model.Position;
        lock (_waitersLock)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Position <= position)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Read-model projector failed after position {Position}; retrying on the next ring")]
        public static partial void PumpFailed(ILogger logger, long position, Exception exception);
    }
}
