using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

/// <summary>Each task step as the right actor would take it, and a task brought to a given status on the trilateral agreement.</summary>
internal static class TaskSteps
{
    public static readonly string[] All = ["Acknowledge", "Accept", "Decline", "PostUpdate", "Complete", "Cancel", "Reassign"];

    /// <summary>The id of the task <see cref="TaskIn"/> creates.</summary>
    public static string T1(Hub hub) => hub.Key("T-1");

    /// <summary>
    /// Task T-1 under the trilateral agreement (KR-KNPA, JP-NPA, CA-RCMP), requested by KR-KNPA, assigned to JP-NPA, then
    /// moved to <paramref name="status"/>.
    /// </summary>
    public static async Task<ICooperationTaskGrain> TaskIn(Hub hub, CooperationTaskStatus status)
    {
        await hub.ActiveAgreement(hub.Trilateral, [hub.Knpa, hub.Npa, hub.Rcmp]);
        var task = hub.Task(T1(hub));
        await task.Assign(hub.Assign(hub.Trilateral));
        string[] steps = status switch
        {
            CooperationTaskStatus.Acknowledged => ["Acknowledge"],
            CooperationTaskStatus.Accepted => ["Acknowledge", "Accept"],
            CooperationTaskStatus.InProgress => ["Acknowledge", "Accept", "PostUpdate"],
            CooperationTaskStatus.Declined => ["Decline"],
            CooperationTaskStatus.Completed => ["Acknowledge", "Accept", "Complete"],
            CooperationTaskStatus.Cancelled => ["Cancel"],
            _ => [],
        };
        foreach (var step in steps)
        {
            await Take(hub, task, step);
        }
        return task;
    }

    public static Task<TaskView> Take(Hub hub, ICooperationTaskGrain task, string step, Actor? actor = null)
    {
        var partner = actor ?? Actors.Partner(hub.Npa);
        var coordinator = actor ?? Actors.Coordinator;
        return step switch
        {
            "Acknowledge" => task.Acknowledge(new AcknowledgeTask(partner, "Inspector Sato", hub.Now.AddDays(2))),
            "Accept" => task.Accept(new AcceptTask(partner)),
            "Decline" => task.Decline(new DeclineTask(partner, "no jurisdiction")),
            "PostUpdate" => task.PostUpdate(new PostTaskUpdate(partner, "Suspect traced to Osaka")),
            "Complete" => task.Complete(new CompleteTask(partner, "Located and detained")),
            "Cancel" => task.Cancel(new CancelTask(coordinator, "withdrawn by requester")),
            "Reassign" => task.Reassign(new ReassignTask(coordinator, Hub.Code(hub.Rcmp), "suspect moved to Canada")),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }
}
