using Orleans.Concurrency;


namespace PolicingHub.Grains.Tasks;

/// <summary>A cooperation task, keyed by its id. Every change requires its agreement to be Active.</summary>
[Alias("ph.ICooperationTaskGrain")]
public interface ICooperationTaskGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Coordinators only; ConflictException when the id is taken. Escalates when not acknowledged in time (<see cref="CheckEscalation"/>).</summary>
    [Alias("Assign")]
    Task<TaskView> Assign(AssignTask command);

    /// <summary>Assignee's partner only: Assigned → Acknowledged.</summary>
    [Alias("Acknowledge")]
    Task<TaskView> Acknowledge(AcknowledgeTask command);

    /// <summary>Assignee's partner only: Acknowledged → Accepted.</summary>
    [Alias("Accept")]
    Task<TaskView> Accept(AcceptTask command);

    /// <summary>Assignee's partner only: Assigned or Acknowledged → Declined.</summary>
    [Alias("Decline")]
    Task<TaskView> Decline(DeclineTask command);

    /// <summary>Assignee's partner or a coordinator: Accepted or InProgress → InProgress.</summary>
    [Alias("PostUpdate")]
    Task<TaskView> PostUpdate(PostTaskUpdate command);

    /// <summary>Assignee's partner only: Accepted or InProgress → Completed.</summary>
    [Alias("Complete")]
    Task<TaskView> Complete(CompleteTask command);

    /// <summary>Coordinators only: any open state → Cancelled.</summary>
    [Alias("Cancel")]
    Task<TaskView> Cancel(CancelTask command);

    /// <summary>Coordinators only: Assigned, Acknowledged or Declined → Assigned to another party (new deadlines).</summary>
    [Alias("Reassign")]
    Task<TaskView> Reassign(ReassignTask command);

    /// <summary>
    /// Not a command: the escalation scheduler's question. Raises the escalation level when an acknowledgement window
    /// has passed (appending task.escalated) and answers when to ask again; null when the task no longer escalates.
    /// </summary>
    [Alias("CheckEscalation")]
    Task<DateTimeOffset?> CheckEscalation();

    /// <summary>NotFoundException when never assigned.</summary>
    [ReadOnly, Alias("Get")]
    Task<TaskView> Get();
}
