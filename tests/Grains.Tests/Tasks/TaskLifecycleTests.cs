using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskLifecycleTests(DomainSilo silo) : IClassFixture<DomainSilo>
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
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, from);
        var id = TaskSteps.T1(hub);
        Assert.Equal(from, (await task.Get()).Status);
        var mark = await hub.Mark();

        if (Allowed.TryGetValue((from, step), out var expected))
        {
            var view = await TaskSteps.Take(hub, task, step);
            Assert.Equal(expected.To, view.Status);
            Assert.Equal(expected.To, (await task.Get()).Status);
            Assert.Equal([$"task/{id}:{expected.Event}", $"task/{id}:command.accepted"], await hub.RecordsSince(mark));
            var assignee = (await hub.Events($"task/{id}"))[^1].Data.TryGetProperty("assignee", out var a) ? a.GetString() : null;
            Assert.Equal(step == "Reassign" ? null : view.Assignee.Value, assignee);
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => TaskSteps.Take(hub, task, step));
            Assert.Equal($"task {id} is {from}; cannot {step}", error.Message);
            Assert.Equal(from, (await task.Get()).Status);
            Assert.Empty(await hub.RecordsSince(mark));
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
            var hub = silo.NewHub();
            var task = await TaskSteps.TaskIn(hub, step is "Accept" ? CooperationTaskStatus.Acknowledged
                : step is "PostUpdate" or "Complete" ? CooperationTaskStatus.Accepted : CooperationTaskStatus.Assigned);
            var agreement = hub.Agreement(hub.Trilateral);
            _ = status switch
            {
                AgreementStatus.Suspended => await agreement.Suspend(Hub.Change("review")),
                AgreementStatus.Terminated => await agreement.Terminate(Hub.Change("ended")),
                _ => await agreement.Expire(Hub.Change()),
            };
            var before = await task.Get();
            var mark = await hub.Mark();

            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => TaskSteps.Take(hub, task, step));

            Assert.Equal($"agreement {hub.Trilateral} is {status}; cannot change its tasks", error.Message);
            Assert.Equal(before.Status, (await task.Get()).Status);
            Assert.Empty(await hub.RecordsSince(mark));
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
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, status);
        var mark = await hub.Mark();

        var requester = await Assert.ThrowsAsync<ForbiddenException>(() => TaskSteps.Take(hub, task, step, Actors.Partner(hub.Knpa)));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => TaskSteps.Take(hub, task, step, Actors.Operator));

        Assert.Equal($"liaison-{hub.Knpa.ToLowerInvariant()} acts for {hub.Knpa}, not {hub.Npa}", requester.Message);
        Assert.StartsWith("operators may only read agency status; ops-lee may not ", @operator.Message);
        Assert.Equal(status, (await task.Get()).Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Theory]
    [InlineData("Acknowledge", CooperationTaskStatus.Assigned, "only a partner of {npa} may acknowledge task {id}")]
    [InlineData("Accept", CooperationTaskStatus.Acknowledged, "only a partner of {npa} may accept task {id}")]
    [InlineData("Decline", CooperationTaskStatus.Assigned, "only a partner of {npa} may decline task {id}")]
    [InlineData("Complete", CooperationTaskStatus.Accepted, "only a partner of {npa} may complete task {id}")]
    [InlineData("Cancel", CooperationTaskStatus.Assigned, "only coordinators may cancel tasks")]
    [InlineData("Reassign", CooperationTaskStatus.Assigned, "only coordinators may reassign tasks")]
    public async Task Steps_reserved_to_the_assignee_or_to_coordinators_refuse_everyone_else(string step, CooperationTaskStatus status, string message)
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, status);
        var actor = step is "Cancel" or "Reassign" ? Actors.Partner(hub.Npa) : Actors.Coordinator;

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => TaskSteps.Take(hub, task, step, actor));

        Assert.Equal(message.Replace("{npa}", hub.Npa, StringComparison.Ordinal).Replace("{id}", TaskSteps.T1(hub), StringComparison.Ordinal), error.Message);
        Assert.Equal(status, (await task.Get()).Status);
    }

    [Fact]
    public async Task A_coordinator_may_post_updates_and_the_first_update_moves_the_task_in_progress()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.Accepted);

        var view = await TaskSteps.Take(hub, task, "PostUpdate", Actors.Coordinator);

        Assert.Equal(CooperationTaskStatus.InProgress, view.Status);
        Assert.Equal([new TaskUpdate(hub.Now, "coord-kim", "Suspect traced to Osaka")], view.Updates.Items());
    }

    [Fact]
    public async Task Acknowledging_names_the_officer_and_the_expected_answer_time()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.Assigned);

        var view = await task.Acknowledge(new AcknowledgeTask(Actors.Partner(hub.Npa), "Inspector Sato", hub.Now.AddDays(2)));

        Assert.Equal(("Inspector Sato", hub.Now.AddDays(2)), (view.Officer, view.Eta));
        var acknowledged = (await hub.Events($"task/{TaskSteps.T1(hub)}"))[^1].Data;
        Assert.Equal("Inspector Sato", acknowledged.GetProperty("officer").GetString());
        Assert.Equal(hub.Now.AddDays(2), acknowledged.GetProperty("eta").GetDateTimeOffset());
    }

    [Fact]
    public async Task Step_inputs_are_validated_by_field()
    {
        var hub = silo.NewHub();
        var task = await TaskSteps.TaskIn(hub, CooperationTaskStatus.Assigned);
        var partner = Actors.Partner(hub.Npa);
        var mark = await hub.Mark();

        var officer = await Assert.ThrowsAsync<DomainValidationException>(() => task.Acknowledge(new(partner, "", hub.Now.AddDays(1))));
        var eta = await Assert.ThrowsAsync<DomainValidationException>(() => task.Acknowledge(new(partner, "Inspector Sato", hub.Now)));
        var reason = await Assert.ThrowsAsync<DomainValidationException>(() => task.Decline(new(partner, " ")));
        var cancel = await Assert.ThrowsAsync<DomainValidationException>(() => task.Cancel(new(Actors.Coordinator, "")));

        Assert.Equal("officer: must not be empty", officer.Message);
        Assert.Equal($"eta: must be in the future (was {hub.Now:O}, now {hub.Now:O})", eta.Message);
        Assert.Equal("reason: must not be empty", reason.Message);
        Assert.Equal("reason: must not be empty", cancel.Message);
        Assert.Equal(CooperationTaskStatus.Assigned, (await task.Get()).Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }
}
