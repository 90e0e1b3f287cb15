using System.Diagnostics;
using PolicingHub.Runtime.Activation;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Storage;

/// <summary>
/// A grain's durable state bound to its activation. Writes are conditional on the ETag; events and the call's
/// idempotency key commit with the state; a failed write deactivates the activation after the current call.
/// </summary>
internal sealed class PersistentState<TState>(ActivationData owner, string stateName, PersistentStateServices services)
    : IPersistentState<TState>, IStateLifecycle
{
    private static readonly IReadOnlyList<object> NoEvents = [];

    public TState State { get; set; } = CreateDefault();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var stored = await services.Storage.ReadAsync(owner.GrainId, stateName).ConfigureAwait(false);
        services.Metrics.StorageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (stored?.Payload is null)
        {
            // Never written (no ETag) or cleared (a tombstone: the next write must still expect its ETag).
            State = CreateDefault();
            Etag = stored?.ETag;
            RecordExists = false;
            return;
        }
        State = (TState)services.Json.Deserialize(stored.Payload, typeof(TState))!;
        Etag = stored.ETag;
        RecordExists = true;
    }

    public Task WriteStateAsync() => WriteStateAsync(NoEvents);

    public async Task WriteStateAsync(IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var context = CallContext.Current;
        var command = context is { IdempotencyKey: { } key, Method: { } method } && ReferenceEquals(context.Target, owner)
            ? new CommandKey(key, method.Name)
            : null;
        var pending = new PendingEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException("Events must not be null.", nameof(events));
            pending[i] = new PendingEvent(services.EventTypes.GetName(e.GetType()), services.Json.Serialize(e, e.GetType()));
        }
        var write = new StateWrite(owner.GrainId, stateName, Etag, services.Json.Serialize(State, typeof(TState)), pending, services.Time.GetUtcNow(), command);
        var started = Stopwatch.GetTimestamp();
        WriteOutcome outcome;
        try
        {
            outcome = await services.Storage.WriteAsync(write).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (ex is InconsistentStateException)
            {
                services.Metrics.StorageConflicts.Add(1);
            }
            RuntimeLog.WriteFailed(owner.Logger, owner.GrainId, stateName, ex);
            owner.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        services.Metrics.StorageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Etag = outcome.ETag;
        RecordExists = true;
        if (command is not null)
        {
            context!.CommandRecorded = true;
        }
        if (outcome.Events.Count > 0)
        {
            services.EventBus.Publish(outcome.Events);
        }
    }

    public async Task ClearStateAsync()
    {
        string etag;
        try
        {
            etag = await services.Storage.ClearAsync(owner.GrainId, stateName, Etag).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RuntimeLog.WriteFailed(owner.Logger, owner.GrainId, stateName, ex);
            owner.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        State = CreateDefault();
        Etag = etag;
        RecordExists = false;
    }

    private static TState CreateDefault()
        => typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TState>()
            : default!;
}
