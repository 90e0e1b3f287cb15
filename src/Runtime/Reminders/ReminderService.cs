using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Runtime.Reminders;

/// <summary>
/// Keeps the reminder table and one timer per reminder in step; a due reminder is delivered as an ordinary grain
/// call to <see cref="IRemindable.ReceiveReminder"/>. On start it loads every row, so reminders survive restarts;
/// a one-shot reminder missed while the silo was down fires at start.
/// </summary>
internal sealed class ReminderService(
    IReminderTable table,
    IGrainFactory grainFactory,
    TimeProvider time,
    IOptions<RuntimeOptions> options,
    ILogger<ReminderService> logger) : IReminderRegistry, IDisposable
{
    private readonly Dictionary<(GrainId, string), ITimer> _timers = [];
    private bool _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var entries = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            Schedule(entry, NextDue(entry, time.GetUtcNow()));
        }
        RuntimeLog.RemindersLoaded(logger, entries.Count);
    }

    public async Task RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder period must be positive, or Timeout.InfiniteTimeSpan for a one-shot reminder.");
        }
        var saved = await table.UpsertAsync(new ReminderEntry(grainId, name, time.GetUtcNow() + dueTime, period)).ConfigureAwait(false);
        Schedule(saved, saved.StartAt);
    }

    public async Task UnregisterAsync(GrainId grainId, string name)
    {
        Cancel(grainId, name);
        await table.RemoveAsync(grainId, name).ConfigureAwait(false);
    }

    private DateTimeOffset Now => time.GetUtcNow();

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name) => table.ReadAsync(grainId, name);

    public void Dispose()
    {
        lock (_timers)
        {
            _stopped = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }
            _timers.Clear();
        }
    }

    /// <summary>Timers cannot wait longer than about 49.7 days; a later reminder re-arms until it is due.</summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private void Schedule(ReminderEntry entry, DateTimeOffset dueAt)
    {
        var delay = dueAt - time.GetUtcNow();
        delay = delay > MaxTimerDelay ? MaxTimerDelay : delay;
        lock (_timers)
        {
            if (_stopped)
            {
                return;
            }
            // Created under the lock: a tick that fires at once and reschedules waits here, so it cannot be replaced by this older timer.
            var timer = time.CreateTimer(static s => ((Tick)s!).Fire(), new Tick(this, entry, dueAt),
                delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            if (_timers.Remove((entry.GrainId, entry.Name), out var old))
            {
                old.Dispose();
            }
            _timers[(entry.GrainId, entry.Name)] = timer;
        }
    }

    private void Cancel(GrainId grainId, string name)
    {
        lock (_timers)
        {
            if (_timers.Remove((grainId, name), out var timer))
            {
                timer.Dispose();
            }
        }
    }

    private async Task DeliverAsync(ReminderEntry entry, DateTimeOffset dueAt)
    {
        var firedAt = time.GetUtcNow();
        try
        {
            await grainFactory.GetGrain<IRemindable>(entry.GrainId)
                .ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, dueAt, firedAt)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var retryAt = time.GetUtcNow() + options.Value.ReminderRetryDelay;
            RuntimeLog.ReminderFailed(logger, entry.GrainId, entry.Name, retryAt, ex);
            if (await IsCurrentAsync(entry).ConfigureAwait(false))
            {
                Schedule(entry, retryAt);
            }
            return;
        }
        if (!await IsCurrentAsync(entry).ConfigureAwait(false))
        {
            return; // the grain re-registered or removed it meanwhile; that registration scheduled itself
        }
        if (entry.IsOneShot)
        {
            Cancel(entry.GrainId, entry.Name);
            await table.RemoveAsync(entry.GrainId, entry.Name).ConfigureAwait(false);
        }
        else
        {
            Schedule(entry, NextDue(entry, time.GetUtcNow() + TimeSpan.FromTicks(1)));
        }
    }

    private async Task<bool> IsCurrentAsync(ReminderEntry entry)
        => (await table.ReadAsync(entry.GrainId, entry.Name).ConfigureAwait(false))?.ETag == entry.ETag;

    /// <summary>The first tick at or after now (a missed one-shot tick is due now).</summary>
    private static DateTimeOffset NextDue(ReminderEntry entry, DateTimeOffset now)
    {
        if (now <= entry.StartAt || entry.IsOneShot)
        {
            return now <= entry.StartAt ? entry.StartAt : now;
        }
        var periods = (long)Math.Ceiling((now - entry.StartAt).Ticks / (double)entry.Period.Ticks);
        return entry.StartAt + TimeSpan.FromTicks(entry.Period.Ticks * periods);
    }

    private sealed class Tick(ReminderService service, ReminderEntry entry, DateTimeOffset dueAt)
    {
        public void Fire()
        {
            if (service.Now < dueAt)
            {
                service.Schedule(entry, dueAt); // woke at the timer's limit, not yet due
                return;
            }
            _ = service.DeliverAsync(entry, dueAt);
        }
    }
}
