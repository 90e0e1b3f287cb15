using System.Threading.Channels;
using PolicingHub.Grains.Model;
using PolicingHub.EventLog;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// One console's delivery state. <see cref="Covered"/> is the position up to which every event has been decided for
/// this connection (sent or withheld); nothing at or below it is ever queued again. While replaying, only the replayer
/// writes; once live (flipped under the lock), only the pump does. The bounded outbox is drained by one sender loop; a
/// live connection whose outbox is full falls back to replaying (catch-up) until it is level again.
/// </summary>
internal sealed class ConsoleConnection
{
    private readonly Lock _lock = new();
    private readonly Channel<EventEnvelope> _outbox;
    private readonly CancellationTokenSource _closing = new();
    private readonly Action _abort;
    private long _covered;
    private bool _subscribed;
    private bool _live;
    private bool _closed;

    public ConsoleConnection(string id, Actor? actor, int outboxCapacity, Action abort)
    {
        Id = id;
        Actor = actor;
        _abort = abort;
        _outbox = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(outboxCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Id { get; }

    /// <summary>Who the token says this is; null when it names no known role (receives nothing).</summary>
    public Actor? Actor { get; }

    public CancellationToken Closing => _closing.Token;

    /// <summary>Read and written by the replayer before the flip; by the pump (under the lock) after it.</summary>
    public long Covered => Volatile.Read(ref _covered);

    public bool IsClosed
    {
        get { lock (_lock) { return _closed; } }
    }

    public enum Offer
    {
        Skipped,
        Queued,
        Overflow,
    }

    /// <summary>The first Subscribe wins; a second one on the same connection is refused.</summary>
    public bool TryBeginReplay(long afterPosition)
    {
        lock (_lock)
        {
            if (_subscribed || _closed)
            {
                return false;
            }
            _subscribed = true;
            _covered = afterPosition;
            return true;
        }
    }

    /// <summary>Replay: queues (waiting for room — a replay has its own pace) or withholds the event, and covers it.</summary>
    public async ValueTask ReplayAsync(EventEnvelope envelope, bool entitled)
    {
        if (entitled)
        {
            await _outbox.Writer.WriteAsync(envelope, _closing.Token);
        }
        Volatile.Write(ref _covered, envelope.Position);
    }

    /// <summary>Flips to live when the pump has processed nothing beyond what the replay covered; else the replay goes on.</summary>
    public bool TryGoLive(long processed)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return true;
            }
            if (processed > _covered)
            {
                return false;
            }
            _live = true;
            return true;
        }
    }

    /// <summary>
    /// Live: the pump's offer. Never blocks. A full outbox is an overflow: the connection leaves live delivery and the
    /// caller starts a catch-up replay from <see cref="Covered"/>, which waits for room instead of holding the pump.
    /// </summary>
    public Offer OfferLive(EventEnvelope envelope, bool entitled)
    {
        lock (_lock)
        {
            if (!_live || _closed || envelope.Position <= _covered)
            {
                return Offer.Skipped;
            }
            if (!entitled)
            {
                _covered = envelope.Position;
                return Offer.Skipped;
            }
            if (_outbox.Writer.TryWrite(envelope))
            {
                _covered = envelope.Position;
                return Offer.Queued;
            }
            // Full: stop being live. Covered stays below this event, so a catch-up replay resumes exactly here.
            _live = false;
            return Offer.Overflow;
        }
    }

    /// <summary>Sends queued envelopes in order until the connection closes. Completes when it does or a send fails.</summary>
    public async Task RunSenderAsync(IConsoleSender sender)
    {
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync(_closing.Token))
        {
            while (reader.TryRead(out var envelope))
            {
                await sender.SendEventAsync(Id, envelope, _closing.Token);
            }
        }
    }

    /// <summary>Stops delivery for good: nothing more is queued or sent. Returns false when it was already closed.</summary>
    public bool Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }
            _closed = true;
            _live = false;
        }
        _outbox.Writer.TryComplete();
        _closing.Cancel();
        return true;
    }

    /// <summary>Ends the transport (the client sees the connection close and may reconnect and replay).</summary>
    public void Abort() => _abort();
}
