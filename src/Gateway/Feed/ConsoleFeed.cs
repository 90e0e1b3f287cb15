using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.Grains.Model;
using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// The console broadcaster. One pump reads the event log after the last position it processed whenever the log's
/// doorbell rings (and on a slow safety tick), applies each event to the <see cref="EntitlementIndex"/> and offers it to every
/// live connection. A subscribing connection first replays from its position (by the same rule as live delivery) up to the
/// pump's processed position, then flips to live under its lock: no gap, no duplicate, order by position. A live
/// connection whose bounded outbox overflows goes back to replaying (catch-up) the same way; memory stays bounded and
/// no consumer slows the pump or the others.
/// </summary>
internal sealed partial class ConsoleFeed(
    IEventLog log,
    IEventLogDoorbell doorbell,
    EntitlementIndex index,
    IConsoleSender sender,
    IOptions<ConsoleFeedOptions> options,
    TimeProvider time,
    ILogger<ConsoleFeed> logger) : BackgroundService
{
    private readonly ConsoleFeedOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, ConsoleConnection> _connections = new(StringComparer.Ordinal);
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<(ActorRole, string?), bool> _decisions = [];
    private long _processed;

    /// <summary>Every event at or below this position has been applied to the index and offered to live connections.</summary>
    public long ProcessedPosition => Volatile.Read(ref _processed);

    /// <summary>Completes once the index has been rebuilt from the whole log.</summary>
    public Task Ready => _ready.Task;

    public int ConnectionCount => _connections.Count;

    public void Connect(string connectionId, Actor? actor, Action abort)
    {
        var connection = new ConsoleConnection(connectionId, actor, _options.OutboxCapacity, abort);
        _connections[connectionId] = connection;
        logger.Connected(connectionId, actor?.Role.ToString() ?? "unknown", actor?.Agency);
    }

    /// <summary>Starts delivery from <paramref name="afterPosition"/> (clamped to the log) and returns the position resumed from.</summary>
    public async Task<long> SubscribeAsync(string connectionId, long afterPosition, CancellationToken cancellationToken)
    {
        if (!_connections.TryGetValue(connectionId, out var connection))
        {
            throw new HubException("This connection is not open.");
        }
        await _ready.Task.WaitAsync(cancellationToken);
        var last = await log.GetLastPositionAsync(cancellationToken);
        var from = Math.Clamp(afterPosition, 0, Math.Max(last, ProcessedPosition));
        if (connection.IsClosed)
        {
            throw new HubException("This connection is closing.");
        }
        if (!connection.TryBeginReplay(from))
        {
            logger.SubscribeRefused(connectionId, "already subscribed");
            throw new HubException("This connection is already subscribed.");
        }
        logger.Subscribed(connectionId, from);
        _ = SendLoopAsync(connection);
        _ = ReplayAsync(connection, from);
        return from;
    }

    public void Disconnect(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection))
        {
            connection.Close();
            logger.Disconnected(connectionId);
        }
    }

    /// <summary>The doorbell: there may be more in the log.</summary>
    public void Ring() => _doorbell.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var subscription = doorbell.Subscribe(_ => Ring());
        using var tick = time.CreateTimer(static state => ((ConsoleFeed)state!).Ring(), this, _options.SafetyTick, _options.SafetyTick);
        Ring();
        try
        {
            while (await _doorbell.Reader.WaitToReadAsync(stoppingToken))
            {
                _doorbell.Reader.TryRead(out _);
                try
                {
                    await PumpAsync(stoppingToken);
                    if (!_ready.Task.IsCompleted)
                    {
                        logger.IndexRebuilt(ProcessedPosition, index.AgreementCount, index.TaskCount);
                        _ready.TrySetResult();
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.PumpFailed(ProcessedPosition, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (_, connection) in _connections)
            {
                connection.Close();
            }
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await log.ReadAsync(ProcessedPosition, _options.PageSize, cancellationToken);
            foreach (var envelope in page)
            {
                if (envelope.Position <= ProcessedPosition)
                {
                    continue;
                }
                index.Apply(envelope);
                Volatile.Write(ref _processed, envelope.Position);
                FanOut(envelope);
            }
            if (page.Count < _options.PageSize)
            {
                return;
            }
        }
    }

    private void FanOut(EventEnvelope envelope)
    {
        if (_connections.IsEmpty)
        {
            return;
        }
        _decisions.Clear();
        foreach (var (_, connection) in _connections)
        {
            var entitled = false;
            if (connection.Actor is { } actor)
            {
                var key = (actor.Role, actor.Agency);
                if (!_decisions.TryGetValue(key, out entitled))
                {
                    entitled = index.Delivers(actor, envelope);
                    _decisions[key] = entitled;
                }
            }
            if (connection.OfferLive(envelope, entitled) == ConsoleConnection.Offer.Overflow)
            {
                // A slow consumer never holds the pump: it catches up from the log at its own pace, then goes live again.
                logger.FellBehind(connection.Id, _options.OutboxCapacity, connection.Covered);
                _ = ReplayAsync(connection, connection.Covered);
            }
        }
    }
}
