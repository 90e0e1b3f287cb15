using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicingHub.EventLog;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.EventSourcing;

/// <summary>
/// A plain Orleans grain whose truth is its stream in the event log (DESIGN §4.1): it loads the stream on activation,
/// validates each command against its state, appends the command's events — with a <see cref="CommandAccepted"/>
/// record — in ONE append with the expected sequence, and applies them only after the append succeeded. On a lost
/// compare-and-swap or a store error it deactivates and throws, so the next call starts from the log again.
/// </summary>
public abstract partial class EventSourcedGrain<TState> : Grain where TState : class, new()
{
    private const int PageSize = 512;
    private readonly RecentCommands _commands = new();
    private IEventLog? _log;
    private ILogger? _logger;

    protected TState State { get; private set; } = new();

    /// <summary>The stream's last sequence this activation has applied (its expected sequence for the next append).</summary>
    protected long Version { get; private set; }

    /// <summary>The stream kind, e.g. "task": the stream is "task/{key}".</summary>
    protected abstract string StreamKind { get; }

    protected string Key => this.GetPrimaryKeyString();

    protected string Stream => $"{StreamKind}/{Key}";

    /// <summary>The pure fold: the state after <paramref name="event"/>. Unknown events return the state unchanged.</summary>
    protected abstract TState Apply(TState state, object @event);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = ServiceProvider.GetRequiredService<IEventLog>();
        _logger = ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());
        var state = new TState();
        long version = 0;
        while (true)
        {
            var page = await _log.ReadStreamAsync(Stream, version, PageSize, cancellationToken);
            foreach (var envelope in page)
            {
                switch (DomainEvents.Decode(envelope))
                {
                    case CommandAccepted accepted:
                        _commands.Remember(accepted);
                        break;
                    case { } @event:
                        state = Apply(state, @event);
                        break;
                }
                version = envelope.Sequence;
            }
            if (page.Count < PageSize)
            {
                break;
            }
        }
        State = state;
        Version = version;
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a command: a retry under the same idempotency key gets the recorded outcome (a different command under it
    /// is refused); otherwise <paramref name="decide"/> returns the events (none: nothing changes, nothing is written),
    /// the outcome is computed from the state they lead to, and all of it is appended at once.
    /// </summary>
    protected async Task<TResult> Execute<TResult>(string name, Actor actor, object command,
        Func<Task<IReadOnlyList<object>>> decide, Func<TState, TResult> outcome)
    {
        var key = IdempotencyKey.Current;
        string? fingerprint = null;
        if (key is not null)
        {
            fingerprint = DomainEvents.Fingerprint(name, command);
            if (_commands.Find(key) is { } earlier)
            {
                return earlier.Fingerprint == fingerprint && earlier.Outcome is { } recorded
                    ? DomainEvents.FromJson<TResult>(recorded)
                    : throw new IdempotencyKeyReusedException($"idempotency key '{key}' was already used for a different command on {Stream}");
            }
        }
        var events = await decide();
        if (events.Count == 0)
        {
            return outcome(State);
        }
        var next = events.Aggregate(State, Apply);
        var result = outcome(next);
        var accepted = new CommandAccepted(name, actor.Subject, actor.Role, actor.Agency, key, fingerprint,
            key is null ? null : DomainEvents.ToJson(result));
        await AppendAsync([.. events, accepted], next);
        _commands.Remember(accepted);
        return result;
    }

    /// <summary>A decision that needs no awaiting: these events (none: the command changes nothing).</summary>
    protected static Task<IReadOnlyList<object>> Events(params object[] events) => Task.FromResult<IReadOnlyList<object>>(events);

    /// <summary>Appends events that no command carries (a reminder's doing), then applies them.</summary>
    protected Task AppendSystemEventsAsync(IReadOnlyList<object> events) =>
        events.Count == 0 ? Task.CompletedTask : AppendAsync(events, events.Aggregate(State, Apply));

    private async Task AppendAsync(IReadOnlyList<object> events, TState next)
    {
        AppendResult result;
        try
        {
            result = await _log!.AppendAsync(Stream, Version, [.. events.Select(DomainEvents.Encode)]);
        }
        catch (Exception ex)
        {
            // The log's own exception types are not Orleans-serializable: the caller gets one that is, with the outcome.
            Log.AppendFailed(_logger!, Stream, Version, ex);
            DeactivateOnIdle();
            var unknown = ex is not EventLogException { OutcomeUnknown: false } and not ArgumentException;
            throw new StoreFailedException($"appending to {Stream} failed: {ex.Message}", unknown);
        }
        if (!result.Succeeded)
        {
            Log.LostRace(_logger!, Stream, Version, result.ActualSequence);
            DeactivateOnIdle();
            throw new ConcurrencyConflictException($"{Stream} changed meanwhile (at {result.ActualSequence}, expected {Version}); nothing was written — retry");
        }
        State = next;
        Version = result.NextExpectedSequence;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Append to {Stream} at {Expected} failed; deactivating")]
        public static partial void AppendFailed(ILogger logger, string stream, long expected, Exception exception);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Append to {Stream} lost the race: expected {Expected}, stream at {Actual}; deactivating")]
        public static partial void LostRace(ILogger logger, string stream, long expected, long actual);
    }
}
