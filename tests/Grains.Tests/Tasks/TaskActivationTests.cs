using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Testing;

namespace PolicingHub.Grains.Tests.Tasks;

/// <summary>A new task waits for its assignee in the log, not on the heap: its activation goes once the assignment is answered.</summary>
public sealed class TaskActivationTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task An_assignment_lets_its_activation_go_and_the_assignees_next_step_is_served_from_the_log()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        var grain = GrainId.Create("task", id);
        var management = silo.Grains.GetGrain<IManagementGrain>(0);

        var assigned = await task.Assign(hub.Assign());
        await Eventually.Until(async () => !(await management.GetDetailedGrainStatistics()).Any(s => s.GrainId == grain),
            $"the activation of task/{id} gone after its assignment");
        var acknowledged = await task.Acknowledge(hub.Acknowledge());

        Assert.Equal(CooperationTaskStatus.Assigned, assigned.Status);
        Assert.Equal(CooperationTaskStatus.Acknowledged, acknowledged.Status);
        Assert.Equal(["task.assigned", "command.accepted", "task.acknowledged", "command.accepted"], await hub.RecordTypes($"task/{id}"));
    }
}
