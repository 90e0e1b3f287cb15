using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicingHub.EventLog;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains.Tasks.Escalation;

/// <summary>
/// Task escalation, derived from the log instead of one durable reminder per task (which cost every assignment an extra
/// write outside the log). Once a minute its reminder fires: it reads the log since its last position — a task assigned
/// or reassigned is due for a look at its acknowledge-by time, a task acknowledged, accepted, declined, completed or
/// cancelled is not — then asks each task that is due to <see cref="ICooperationTaskGrain.CheckEscalation"/>. The task
/// decides and appends; it answers when to look again. So an escalation is raised within a minute of falling due, a
/// crash at any point only repeats a look (the task's rule is idempotent), and the schedule kept in grain storage is a
/// cache of the log: lost, it is rebuilt by reading the log again. It holds every task still waiting for an
/// acknowledgement, so it is saved at most every <see cref="SaveEvery"/> (and when the grain deactivates), not on every
/// tick: a crash costs a re-read of at most that much log. Between ticks a timer follows the log every
/// <see cref="FollowEvery"/>, so each turn reads a fraction of a second of it.
/// </summary>
[GrainType("task-escalation")]
public sealed partial class TaskEscalationGrain(
    IEventLog log,
    [FromKeyedServices(DomainTime.Key)] TimeProvider time,
    [PersistentState("escalation")] IPersistentState<EscalationSchedule> schedule,
    ILogger<TaskEscalationGrain> logger) : Grain, ITaskEscalationGrain, IRemindable
{
    public const string Key = "tasks";

    /// <summary>The tick: Orleans' minimum reminder period.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    /// <summary>How often the schedule is written to grain storage while the log moves.</summary>
    public static readonly TimeSpan SaveEvery = TimeSpan.FromMinutes(10);

    private const string ReminderName = "sweep";
    private const int ReadBatch = 1000;
    private const int MaxEventsPerTick = 200_000;
    private const int ConcurrentChecks = 32;

    private static readonly string Assigned = DomainEvents.NameOf(typeof(TaskAssigned));
    private static readonly string Reassigned = DomainEvents.NameOf(typeof(TaskReassigned));
    private static readonly string AcknowledgeByProperty = DomainEvents.Json.PropertyNamingPolicy!.ConvertName(nameof(TaskAssigned.AcknowledgeBy));
    private static readonly HashSet<string> NoLongerWaiting = new(StringComparer.Ordinal)
    {
        DomainEvents.NameOf(typeof(TaskAcknowledged)), DomainEvents.NameOf(typeof(TaskAccepted)), DomainEvents.NameOf(typeof(TaskDeclined)),
        DomainEvents.NameOf(typeof(TaskCompleted)), DomainEvents.NameOf(typeof(TaskCancelled)),
    };

    /// <summary>
    /// How often the active scheduler reads the log between reminder ticks: in short steps, while the events are still
    /// in the log's recent tail (2,048 events), rather than a whole minute of a busy log in one long turn. At thousands
    /// of assignments a second, a tenth of a second is a few hundred events per turn.
    /// </summary>
    public static readonly TimeSpan FollowEvery = TimeSpan.FromMilliseconds(100);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(static async (grain, _) => grain._unsaved |= await grain.FollowLog(), this,
            new GrainTimerCreationOptions(FollowEvery, FollowEvery) { KeepAlive = false });
        // What was just loaded is what is saved: the first save comes SaveEvery from now, not at the first tick (which
        // wrote the whole schedule a minute after every start, a half-second turn once it holds tens of thousands of tasks).
        _savedAt = time.GetUtcNow();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task Start()
    {
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, Tick, Tick);
        }
    }

    private bool _unsaved;
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _unsaved |= await FollowLog();
        var looked = await CheckDueTasks();
        _unsaved |= looked;
        if (_unsaved && (looked || time.GetUtcNow() - _savedAt >= SaveEvery))
        {
            await SaveAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await SaveAsync();
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task SaveAsync()
    {
        try
        {
            await schedule.WriteStateAsync();
            _unsaved = false;
            _savedAt = time.GetUtcNow();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogScheduleNotSaved(logger, ex); // a cache of the log: a later tick saves it, or a restart re-reads the log
        }
    }

    private async Task<bool> FollowLog()
    {
        var state = schedule.State;
        var read = 0;
        while (read < MaxEventsPerTick)
        {
            var events = await log.ReadAsync(state.Position, ReadBatch);
            foreach (var envelope in events)
            {
                Fold(state.NextCheck, envelope);
                state.Position = envelope.Position;
            }
            read += events.Count;
            if (events.Count < ReadBatch)
            {
                break;
            }
        }
        return read > 0;
    }

    private static void Fold(Dictionary<string, DateTimeOffset> nextCheck, EventEnvelope envelope)
    {
        if (!envelope.Stream.StartsWith(TaskStreamPrefix, StringComparison.Ordinal))
        {
            return;
        }
        var task = envelope.Stream[TaskStreamPrefix.Length..];
        if (envelope.Type == Assigned || envelope.Type == Reassigned)
        {
            nextCheck[task] = AcknowledgeBy(envelope);
        }
        else if (NoLongerWaiting.Contains(envelope.Type))
        {
            nextCheck.Remove(task);
        }
    }

    /// <summary>
    /// An assignment's or reassignment's acknowledgement time, read from its JSON without decoding the rest: the
    /// scheduler folds every assignment of the hub, and title, description and the other fields are not its business.
    /// </summary>
    private static DateTimeOffset AcknowledgeBy(EventEnvelope envelope) =>
        envelope.Data.TryGetProperty(AcknowledgeByProperty, out var at) && at.TryGetDateTimeOffset(out var value)
            ? value
            : envelope.Type == Assigned
                ? DomainEvents.Decode<TaskAssigned>(envelope)!.AcknowledgeBy
                : DomainEvents.Decode<TaskReassigned>(envelope)!.AcknowledgeBy;

    private async Task<bool> CheckDueTasks()
    {
        var now = time.GetUtcNow();
        var due = schedule.State.NextCheck.Where(e => e.Value <= now).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        foreach (var chunk in due.Chunk(ConcurrentChecks))
        {
            var answers = await Task.WhenAll(chunk.Select(Check));
            foreach (var (task, next) in answers)
            {
                if (next is { } at)
                {
                    schedule.State.NextCheck[task] = at > now ? at : now + Tick;
                }
                else
                {
                    schedule.State.NextCheck.Remove(task);
                }
            }
        }
        return due.Count > 0;
    }

    private async Task<(string Task, DateTimeOffset? Next)> Check(string task)
    {
        try
        {
            return (task, await GrainFactory.Reference<ICooperationTaskGrain>(task).CheckEscalation());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, task, ex);
            return (task, time.GetUtcNow() + Tick); // look again next tick
        }
    }

    private const string TaskStreamPrefix = "task/";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation check of task {Task} failed; retried next tick")]
    private static partial void LogCheckFailed(ILogger logger, string task, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation schedule not saved; saved again at a later tick")]
    private static partial void LogScheduleNotSaved(ILogger logger, Exception exception);
}
