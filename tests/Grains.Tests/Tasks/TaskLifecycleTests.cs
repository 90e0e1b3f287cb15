using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskLifecycleTests
{
    /// <summary>Assigned → Acknowledged → Accepted or Declined → InProgress → Completed; or Cancelled; Reassign from Assigned, Acknowledged or Declined.</summary>
    private static readonly Dictionary<(CooperationTaskStatus From, string Step), (CooperationTaskStatus To, string Event)> Allowed = new()
    {
        [(CooperationTaskStatus.Assigned, "Acknowledge")] = (CooperationTaskStatus.Acknowledged, "task.acknowledged"),
        [(CooperationTaskStatus.Assigned, "Decline")] = (CooperationTaskStatus.Declined, "task.declined"),
        [(CooperationTaskStatus.Assigned, "Cancel")] = (CooperationTaskStatus.Cancelled, "task.cancelled"),
        [(CooperationTaskStatus.Assigned, "Reassign")] = (CooperationTaskStatus.Assigned, "task.reassigned"),
        [(CooperationTaskStatus.Acknowledged, "Accept")] = (CooperationTaskStatus.Accepted, "task.accepted"),
        [(CooperationTaskStatus.Acknowledged, "Decline")] = (CooperationTaskStatus.Declined, "task.declined"),
        [(CooperationTaskStatus.Acknowledged, "Cancel")] = (CooperationTaskStatus.Cancelled, "task.cancelled"),
        [(CooperationTaskStatus.Acknowledged, "Reassign")] = (CooperationTaskStatus.Assigned, "task.reassigned"),
        [(CooperationTaskStatus.Accepted, "PostUpdate")] = (CooperationTaskStatus.InProgress, "task.update-posted"),
        [(CooperationTaskStatus.Accepted, "Complete")] = (CooperationTaskStatus.Completed, "task.completed"),
        [(CooperationTaskStatus.Accepted, "Cancel")] = (CooperationTaskStatus.Cancelled, "task.cancelled"),
        [(CooperationTaskStatus.InProgress, "PostUpdate")] = (CooperationTaskStatus.InProgress, "task.update-posted"),
        [(CooperationTaskStatus.InProgress, "Complete")] = (CooperationTaskStatus.Completed, "task.completed"),
        [(CooperationTaskStatus.InProgress, "Cancel")] = (CooperationTaskStatus.Cancelled, "task.cancelled"),
        [(CooperationTaskStatus.Declined, "Reassign")] = (CooperationTaskStatus.Assigned, "task.reassigned"),
    };

    public static TheoryData<CooperationTaskStatus, string> EveryStatusAndStep()
    {
        var data = new TheoryData<CooperationTaskStatus, string>();
        foreach (var status in Enum.GetValues<CooperationTaskStatus>())
        {
            foreach (var step in TaskSteps.All)
            {
                data.Add(status, step);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public async Task Each_step_is_allowed_only_from_its_lifecycle_states(CooperationTaskStatus from, string step)
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, from);
        Assert.Equal(from, (await task.Get()).Status);
        var mark = await silo.Mark();

        if (Allowed.TryGetValue((from, step), out var expected))
        {
            var view = await TaskSteps.Take(silo, task, step);
            Assert.Equal(expected.To, view.Status);
            Assert.Equal(expected.To, (await task.Get()).Status);
            var events = await silo.EventsSince(mark);
            Assert.Equal($"task/T-1:{expected.Event}", events[0]);
            var assignee = (await silo.Events("task/T-1"))[^1].Data.TryGetProperty("assignee", out var a) ? a.GetString() : null;
            Assert.Equal(step == "Reassign" ? null : view.Assignee.Value, assignee);
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => TaskSteps.Take(silo, task, step));
            Assert.Equal($"task T-1 is {from}; cannot {step}", error.Message);
            Assert.Equal(from, (await task.Get()).Status);
            Assert.Empty(await silo.EventsSince(mark));
        }
    }

    [Theory]
    [InlineData(AgreementStatus.Suspended)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Expired)]
    public async Task No_task_changes_while_its_agreement_is_not_active(AgreementStatus status)
    {
        foreach (var step in TaskSteps.All)
        {
            await using var silo = await DomainSilo.StartAsync();
            var task = await TaskSteps.TaskIn(silo, step is "Accept" ? CooperationTaskStatus.Acknowledged
                : step is "PostUpdate" or "Complete" ? CooperationTaskStatus.Accepted : CooperationTaskStatus.Assigned);
            var agreement = silo.Agreement(Hub.Trilateral);
            _ = status switch
            {
                AgreementStatus.Suspended => await agreement.Suspend(Hub.Change("review")),
                AgreementStatus.Terminated => await agreement.Terminate(Hub.Change("ended")),
                _ => await agreement.Expire(Hub.Change()),
            };
            var before = await task.Get();
            var mark = await silo.Mark();

            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => TaskSteps.Take(silo, task, step));

            Assert.Equal($"agreement MOU-HUB-2026 is {status}; cannot change its tasks", error.Message);
            Assert.Equal(before.Status, (await task.Get()).Status);
            Assert.Empty(await silo.EventsSince(mark));
        }
    }

    [Theory]
    [InlineData("Acknowledge", CooperationTaskStatus.Assigned)]
    [InlineData("Accept", CooperationTaskStatus.Acknowledged)]
    [InlineData("Decline", CooperationTaskStatus.Assigned)]
    [InlineData("PostUpdate", CooperationTaskStatus.Accepted)]
    [InlineData("Complete", CooperationTaskStatus.Accepted)]
    public async Task Another_agencys_partner_may_not_act_on_a_task_assigned_to_JP_NPA(string step, CooperationTaskStatus status)
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, status);

        var requester = await Assert.ThrowsAsync<ForbiddenException>(() => TaskSteps.Take(silo, task, step, Actors.Partner(Hub.Knpa)));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => TaskSteps.Take(silo, task, step, Actors.Operator));

        Assert.Equal("liaison-kr-knpa acts for KR-KNPA, not JP-NPA", requester.Message);
        Assert.StartsWith("operators may only read agency status; ops-lee may not ", @operator.Message);
        Assert.Equal(status, (await task.Get()).Status);
    }

    [Theory]
    [InlineData("Acknowledge", CooperationTaskStatus.Assigned, "only a partner of JP-NPA may acknowledge task T-1")]
    [InlineData("Accept", CooperationTaskStatus.Acknowledged, "only a partner of JP-NPA may accept task T-1")]
    [InlineData("Decline", CooperationTaskStatus.Assigned, "only a partner of JP-NPA may decline task T-1")]
    [InlineData("Complete", CooperationTaskStatus.Accepted, "only a partner of JP-NPA may complete task T-1")]
    [InlineData("Cancel", CooperationTaskStatus.Assigned, "only coordinators may cancel tasks")]
    [InlineData("Reassign", CooperationTaskStatus.Assigned, "only coordinators may reassign tasks")]
    public async Task Steps_reserved_to_the_assignee_or_to_coordinators_refuse_everyone_else(string step, CooperationTaskStatus status, string message)
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, status);
        var actor = step is "Cancel" or "Reassign" ? Actors.Partner(Hub.Npa) : Actors.Coordinator;

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => TaskSteps.Take(silo, task, step, actor));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_coordinator_may_post_updates_and_the_first_update_moves_the_task_in_progress()
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, CooperationTaskStatus.Accepted);

        var view = await TaskSteps.Take(silo, task, "PostUpdate", Actors.Coordinator);

        Assert.Equal(CooperationTaskStatus.InProgress, view.Status);
        Assert.Equal([new Grains.Tasks.TaskUpdate(silo.Now, "coord-kim", "Suspect traced to Osaka")], view.Updates.Items());
    }

    [Fact]
    public async Task Step_inputs_are_validated_by_field()
    {
        await using var silo = await DomainSilo.StartAsync();
        var task = await TaskSteps.TaskIn(silo, CooperationTaskStatus.Assigned);
        var partner = Actors.Partner(Hub.Npa);

        var officer = await Assert.ThrowsAsync<DomainValidationException>(() => task.Acknowledge(new(partner, "", silo.Now.AddDays(1))));
        var eta = await Assert.ThrowsAsync<DomainValidationException>(() => task.Acknowledge(new(partner, "Inspector Sato", silo.Now)));
        var reason = await Assert.ThrowsAsync<DomainValidationException>(() => task.Decline(new(partner, " ")));
        var cancel = await Assert.ThrowsAsync<DomainValidationException>(() => task.Cancel(new(Actors.Coordinator, "")));

        Assert.Equal("officer: must not be empty", officer.Message);
        Assert.Equal($"eta: must be in the future (was {silo.Now:O}, now {silo.Now:O})", eta.Message);
        Assert.Equal("reason: must not be empty", reason.Message);
        Assert.Equal("reason: must not be empty", cancel.Message);
        Assert.Equal(CooperationTaskStatus.Assigned, (await task.Get()).Status);
    }
}
