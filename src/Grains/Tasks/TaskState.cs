using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains.Tasks;

/// <summary>
/// A task folded from its stream: the task (null until assigned) and its acknowledgement window, the escalation period.
/// The same fold serves the task grain and the gateway's task read model.
/// </summary>
public sealed record TaskState
{
    public TaskView? Task { get; init; }

    public TimeSpan AcknowledgeWindow { get; init; }

    public TaskState Apply(object @event)
    {
        if (@event is TaskAssigned a)
        {
            return new TaskState
            {
                Task = new TaskView(a.Task, a.Agreement, a.RequestingAgency, a.Assignee, a.Kind, a.Area, a.Priority, a.Handling, a.Title,
                    a.Description, CooperationTaskStatus.Assigned, a.AssignedAt, a.AcknowledgeBy, a.Deadline, null, null, null, null, null, 0, []),
                AcknowledgeWindow = a.AcknowledgeBy - a.AssignedAt,
            };
        }
        if (Task is not { } t)
        {
            return this;
        }
        return @event switch
        {
            TaskAcknowledged e => With(t with { Status = CooperationTaskStatus.Acknowledged, Officer = e.Officer, Eta = e.Eta }),
            TaskAccepted => With(t with { Status = CooperationTaskStatus.Accepted }),
            TaskDeclined e => With(t with { Status = CooperationTaskStatus.Declined, DeclineReason = e.Reason }),
            TaskUpdatePosted e => With(t with { Status = e.Status, Updates = t.Updates.Add(e.Update) }),
            TaskCompleted e => With(t with { Status = CooperationTaskStatus.Completed, Outcome = e.Outcome }),
            TaskCancelled e => With(t with { Status = CooperationTaskStatus.Cancelled, CancelReason = e.Reason }),
            TaskEscalated e => With(t with { EscalationLevel = e.Level }),
            TaskReassigned e => new TaskState
            {
                Task = t with
                {
                    Assignee = e.To, Status = CooperationTaskStatus.Assigned, AcknowledgeBy = e.AcknowledgeBy, Deadline = e.Deadline,
                    Officer = null, Eta = null, DeclineReason = null, EscalationLevel = 0,
                },
                AcknowledgeWindow = e.AcknowledgeBy - e.At,
            },
            _ => this,
        };
    }

    private TaskState With(TaskView task) => this with { Task = task };
}
