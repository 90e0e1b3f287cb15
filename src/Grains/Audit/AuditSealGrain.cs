using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Hosting;

namespace PolicingHub.Grains.Audit;

/// <summary>The single writer of the log's seals: folds its own checkpoints, reads the log after the last, links on.</summary>
[GrainType("audit-seals")]
public sealed class AuditSealGrain(IEventLog log, AuditChain chain, IAuditCheckpointStore kept, [FromKeyedServices(DomainTime.Key)] TimeProvider time)
    : EventSourcedGrain<AuditSealGrain.Seals>, IAuditSealGrain
{
    private const int PageSize = 1024;

    protected override string StreamKind => "audit";

    protected override Seals Apply(Seals state, object @event) =>
        @event is AuditSealed seal ? new Seals(state.All.Add(seal)) : state;

    /// <summary>
    /// How often the grain follows the log between checkpoints: each turn links the events of the last tenth of a
    /// second, still in the log's recent tail (2,048 events), a few hundred even at thousands of commands a second.
    /// </summary>
    public static readonly TimeSpan FollowEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>The most events one follow turn links, so a backlog is worked off in short turns.</summary>
    private const int MaxEventsPerFollow = 20_000;

    private long _linkedUpTo;
    private string _link = AuditChain.Genesis;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        (_linkedUpTo, _link) = State.All.IsEmpty ? (0, AuditChain.Genesis) : (State.All[^1].UpTo, State.All[^1].Mac);
        this.RegisterGrainTimer(static (grain, _) => grain.FollowAsync(MaxEventsPerFollow), this,
            new GrainTimerCreationOptions(FollowEvery, FollowEvery) { KeepAlive = false });
    }

    public async Task<long> Seal()
    {
        var last = State.All.IsEmpty ? null : State.All[^1];
        var upTo = last?.UpTo ?? 0;
        if (kept.Last() is { } outside && outside.UpTo > upTo)
        {
            return upTo; // the log lost a checkpoint it had: never seal over the cut (Verify reports it)
        }
        var head = await log.GetLastPositionAsync();
        if (head <= upTo)
        {
            return upTo;
        }
        if (head == upTo + 1 && last is not null && (await log.ReadAsync(upTo, 1)) is [{ Stream: var only }] && only == Stream)
        {
            // The one event since the last checkpoint is that checkpoint itself: nothing to seal. Without this, every
            // silo's sealer tick would append a seal of the previous seal, forever, in a quiet cluster.
            return upTo;
        }
        await FollowAsync(head - _linkedUpTo);
        var checkpoint = new AuditSealed(_linkedUpTo, _link, time.GetUtcNow());
        await AppendSystemEventsAsync([checkpoint]);
        kept.Keep(checkpoint);
        return _linkedUpTo;
    }

    /// <summary>
    /// Links up to <paramref name="maxEvents"/> more events of the log onto the chain kept in memory since the last
    /// checkpoint (between checkpoints, a timer does this every <see cref="FollowEvery"/>: the events are then still in
    /// the log's recent tail, and no turn links a long backlog at once). A new activation starts from the last checkpoint.
    /// </summary>
    private async Task FollowAsync(long maxEvents)
    {
        var target = _linkedUpTo + maxEvents;
        while (_linkedUpTo < target)
        {
            var page = await log.ReadAsync(_linkedUpTo, (int)Math.Min(PageSize, target - _linkedUpTo));
            if (page.Count == 0)
            {
                return;
            }
            foreach (var e in page)
            {
                _link = chain.Next(_link, e);
                _linkedUpTo = e.Position;
            }
        }
    }

    public async Task<AuditVerification> Verify()
    {
        var seals = State.All.ToDictionary(s => s.UpTo);
        if (kept.Last() is { } outside && !seals.ContainsKey(outside.UpTo))
        {
            seals[outside.UpTo] = outside; // its copy in the log was removed: the chain must still reach it
        }
        var link = AuditChain.Genesis;
        long position = 0;
        long previousSeal = 0;
        var checkedSeals = 0;
        while (true)
        {
            IReadOnlyList<EventEnvelope> page;
            try
            {
                page = await ReadStoredAsync(position, PageSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var unreadable = await FirstUnreadable(position);
                return Broken(position, checkedSeals, previousSeal, unreadable, $"the event at position {unreadable} cannot be read ({ex.GetType().Name}): the store was altered");
            }
            foreach (var e in page)
            {
                if (e.Position != position + 1)
                {
                    return Broken(position, checkedSeals, previousSeal, e.Position, $"position {position + 1} is missing from the log");
                }
                link = chain.Next(link, e);
                position = e.Position;
                if (seals.TryGetValue(position, out var seal))
                {
                    if (!string.Equals(seal.Mac, link, StringComparison.Ordinal))
                    {
                        return Broken(position, checkedSeals, previousSeal, position,
                            $"the chain breaks between positions {previousSeal + 1} and {position}: the checkpoint sealed at {seal.At:O} does not match");
                    }
                    checkedSeals++;
                    previousSeal = position;
                }
            }
            if (page.Count < PageSize)
            {
                break;
            }
        }
        var sealedUpTo = seals.Count == 0 ? 0 : seals.Keys.Max();
        if (sealedUpTo > position)
        {
            return Broken(position, checkedSeals, previousSeal, sealedUpTo, $"the log ends at {position} but was sealed up to {sealedUpTo}: events were removed");
        }
        return new AuditVerification(true, position, checkedSeals, sealedUpTo, null, null,
            $"intact: {position} events, {checkedSeals} checkpoints verified" + (sealedUpTo < position ? $"; positions after {sealedUpTo} are not sealed yet" : ""));
    }

    /// <summary>Verification reads the store itself, not the events this process committed lately.</summary>
    private Task<IReadOnlyList<EventEnvelope>> ReadStoredAsync(long after, int max) =>
        log is IEventLogStoreReader store ? store.ReadFromStoreAsync(after, max) : log.ReadAsync(after, max);

    /// <summary>The first position after <paramref name="position"/> that cannot be read on its own.</summary>
    private async Task<long> FirstUnreadable(long position)
    {
        while (true)
        {
            try
            {
                if ((await ReadStoredAsync(position, 1)).Count == 0)
                {
                    return position + 1;
                }
                position++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return position + 1;
            }
        }
    }

    public Task<IReadOnlyList<AuditSealed>> Checkpoints() => Task.FromResult<IReadOnlyList<AuditSealed>>(State.All);

    private AuditVerification Broken(long events, int seals, long after, long at, string message) =>
        new(false, events, seals, State.All.IsEmpty ? 0 : State.All[^1].UpTo, after, at, message);

    /// <summary>The checkpoints appended so far.</summary>
    public sealed record Seals(ImmutableArray<AuditSealed> All)
    {
        public Seals()
            : this(ImmutableArray<AuditSealed>.Empty)
        {
        }
    }
}
