using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

/// <summary>Each task step as the right actor would take it, and a task brought to a given status on the trilateral agreement.</summary>
internal static class TaskSteps
{
    public static readonly string[] All = ["Acknowledge", "Accept", "Decline", "PostUpdate", "Complete", "Cancel", "Reassign"];

    /// <summary>Task T-1 under MOU-HUB-2026 (KR-KNPA, JP-NPA, CA-RCMP), requested by KR-KNPA, assigned to JP-NPA, then moved to <paramref name="status"/>.</summary>
    public static async Task<ICooperationTaskGrain> TaskIn(DomainSilo silo, CooperationTaskStatus status)
    {
        await silo.ActiveAgreement(Hub.Trilateral, [Hub.Knpa, Hub.Npa, Hub.Rcmp]);
        var task = silo.Task("T-1");
        await task.Assign(Hub.Assign(Hub.Trilateral));
        switch (status)
        {
            case CooperationTaskStatus.Acknowledged:
                await Take(silo, task, "Acknowledge");
                break;
            case CooperationTaskStatus.Accepted:
                await Take(silo, task, "Acknowledge");
                await Take(silo, task, "Accept");
                break;
            case CooperationTaskStatus.InProgress:
                await Take(silo, task, "Acknowledge");
                await Take(silo, task, "Accept");
                await Take(silo, task, "PostUpdate");
                break;
            case CooperationTaskStatus.Declined:
                await Take(silo, task, "Decline");
                break;
            case CooperationTaskStatus.Completed:
                await Take(silo, task, "Acknowledge");
                await Take(silo, task, "Accept");
                await Take(silo, task, "Complete");
                break;
            case CooperationTaskStatus.Cancelled:
                await Take(silo, task, "Cancel");
                break;
        }
        return task;
    }

    public static Task<TaskView> Take(DomainSilo silo, ICooperationTaskGrain task, string step, Actor? actor = null)
    {
        var partner = actor ?? Actors.Partner(Hub.Npa);
        var coordinator = actor ?? Actors.Coordinator;
        return step switch
        {
            "Acknowledge" => task.Acknowledge(new AcknowledgeTask(partner, "Inspector Sato", silo.Now.AddDays(2))),
            "Accept" => task.Accept(new AcceptTask(partner)),
            "Decline" => task.Decline(new DeclineTask(partner, "no jurisdiction")),
            "PostUpdate" => task.PostUpdate(new PostTaskUpdate(partner, "Suspect traced to Osaka")),
            "Complete" => task.Complete(new CompleteTask(partner, "Located and detained")),
            "Cancel" => task.Cancel(new CancelTask(coordinator, "withdrawn by requester")),
            "Reassign" => task.Reassign(new ReassignTask(coordinator, Hub.Code(Hub.Rcmp), "suspect moved to Canada")),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }
}
