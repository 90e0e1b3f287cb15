using PolicingHub.Runtime;

namespace PolicingHub.Grains.Tasks;

/// <summary>A cooperation task, keyed by its id. Every change requires its agreement to be Active.</summary>
public interface ICooperationTaskGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Coordinators only; ConflictException when the id is taken. Escalates by reminder when not acknowledged in time.</summary>
    Task<TaskView> Assign(AssignTask command);

    /// <summary>Assignee's partner only: Assigned → Acknowledged.</summary>
    Task<TaskView> Acknowledge(AcknowledgeTask command);

    /// <summary>Assignee's partner only: Acknowledged → Accepted.</summary>
    Task<TaskView> Accept(AcceptTask command);

    /// <summary>Assignee's partner only: Assigned or Acknowledged → Declined.</summary>
    Task<TaskView> Decline(DeclineTask command);

    /// <summary>Assignee's partner or a coordinator: Accepted or InProgress → InProgress.</summary>
    Task<TaskView> PostUpdate(PostTaskUpdate command);

    /// <summary>Assignee's partner only: Accepted or InProgress → Completed.</summary>
    Task<TaskView> Complete(CompleteTask command);

    /// <summary>Coordinators only: any open state → Cancelled.</summary>
    Task<TaskView> Cancel(CancelTask command);

    /// <summary>Coordinators only: Assigned, Acknowledged or Declined → Assigned to another party (new deadlines).</summary>
    Task<TaskView> Reassign(ReassignTask command);

    /// <summary>NotFoundException when never assigned.</summary>
    [ReadOnly]
    Task<TaskView> Get();
}
