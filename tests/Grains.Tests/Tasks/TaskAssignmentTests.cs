using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskAssignmentTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Assigning_a_task_plans_default_deadlines_and_appends_to_the_tasks_stream_only()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var mark = await hub.Mark();

        var task = await hub.Task(id).Assign(hub.Assign());

        Assert.Equal(Json.Of(new TaskView(TaskId.Parse(id), AgreementId.Parse(hub.KrJp), Hub.Code(hub.Knpa), Hub.Code(hub.Npa), TaskKind.FugitiveLocation,
            CooperationArea.Fugitives, Priority.Urgent, HandlingCode.Amber, "Locate a fugitive", "Believed to be in Osaka.", CooperationTaskStatus.Assigned,
            hub.Now, hub.Now.AddHours(8), hub.Now.AddDays(7), null, null, null, null, null, 0, [])), Json.Of(task));
        Assert.Equal([$"task/{id}:task.assigned", $"task/{id}:command.accepted"], await hub.RecordsSince(mark));
        var assigned = (await hub.Events($"task/{id}"))[0].Data;
        Assert.Equal((hub.KrJp, hub.Knpa, hub.Npa, "Amber"), (assigned.GetProperty("agreement").GetString(), assigned.GetProperty("requestingAgency").GetString(),
            assigned.GetProperty("assignee").GetString(), assigned.GetProperty("handling").GetString()));
    }

    [Theory]
    [InlineData(Priority.Critical, 2, 3 * 24)]
    [InlineData(Priority.Urgent, 8, 7 * 24)]
    [InlineData(Priority.Routine, 3 * 24, 30 * 24)]
    public async Task Without_a_matching_clause_the_default_response_windows_apply(Priority priority, int acknowledgeHours, int answerHours)
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement(clauses: [new(CooperationArea.Cyberspace, Priority.Critical, TimeSpan.FromHours(1), TimeSpan.FromHours(24))]);

        var plan = await agreement.PlanRequest(Hub.Code(hub.Knpa), Hub.Code(hub.Npa), CooperationArea.Fugitives, priority, hub.Now);

        Assert.Equal(new ResponseDeadlines(hub.Now.AddHours(acknowledgeHours), hub.Now.AddHours(answerHours)), plan);
    }

    [Fact]
    public async Task A_matching_clause_sets_the_deadlines_and_an_override_replaces_the_answer_deadline()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement(clauses: [new(CooperationArea.Cyberspace, Priority.Critical, TimeSpan.FromHours(1), TimeSpan.FromHours(24))]);

        var byClause = await hub.Task(hub.Key("T-1")).Assign(hub.Assign(area: CooperationArea.Cyberspace, priority: Priority.Critical));
        var overridden = await hub.Task(hub.Key("T-2")).Assign(hub.Assign(deadlineOverride: hub.Now.AddDays(2)));
        var tight = await hub.Task(hub.Key("T-3")).Assign(hub.Assign(deadlineOverride: hub.Now.AddHours(4)));

        Assert.Equal((hub.Now.AddHours(1), hub.Now.AddHours(24)), (byClause.AcknowledgeBy, byClause.Deadline));
        Assert.Equal((hub.Now.AddHours(8), hub.Now.AddDays(2)), (overridden.AcknowledgeBy, overridden.Deadline));
        Assert.Equal((hub.Now.AddHours(4), hub.Now.AddHours(4)), (tight.AcknowledgeBy, tight.Deadline));
    }

    public static TheoryData<string> RefusedAssignments => new()
    {
        "non-party assignee", "non-party requester", "own request", "uncovered area", "empty title", "long description", "past override",
    };

    /// <summary>An assignment breaking one rule, and the message naming it.</summary>
    private static (AssignTask Command, string Message) RefusedAssignment(Hub hub, string name) => name switch
    {
        "non-party assignee" => (hub.Assign(assignee: hub.Rcmp), $"assignee: {hub.Rcmp} is not a party to agreement {hub.KrJp}"),
        "non-party requester" => (hub.Assign(requester: hub.Rcmp), $"requestingAgency: {hub.Rcmp} is not a party to agreement {hub.KrJp}"),
        "own request" => (hub.Assign(requester: hub.Npa), $"assignee: {hub.Npa} cannot be assigned its own request"),
        "uncovered area" => (hub.Assign(area: CooperationArea.Drugs), $"area: Drugs is not an area of agreement {hub.KrJp}"),
        "empty title" => (hub.Assign(title: ""), "title: must not be empty"),
        "long description" => (hub.Assign(description: new string('x', 4001)), "description: must be at most 4000 characters (was 4001)"),
        "past override" => (hub.Assign(deadlineOverride: hub.Now.AddHours(-1)),
            $"deadlineOverride: must be in the future (was {hub.Now.AddHours(-1):O}, now {hub.Now:O})"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(RefusedAssignments))]
    public async Task A_refused_assignment_names_the_field_and_appends_nothing(string rule)
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        await hub.RegisterAgencies(hub.Rcmp);
        var (command, message) = RefusedAssignment(hub, rule);
        var id = hub.Key("T-1");
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Task(id).Assign(command));

        Assert.Equal(message, error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => hub.Task(id).Get());
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Assigning_under_an_unknown_or_inactive_agreement_is_refused()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa, hub.Npa);
        await hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, hub.Npa]));
        await hub.Agreement(hub.KrJp).Sign(hub.Sign(hub.Knpa, hub.Npa));
        var none = hub.Key("MOU-NONE");
        var id = hub.Key("T-1");

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => hub.Task(id).Assign(hub.Assign(agreement: none)));
        var signed = await Assert.ThrowsAsync<InvalidTransitionException>(() => hub.Task(id).Assign(hub.Assign()));

        Assert.Equal($"agreement {none} does not exist", unknown.Message);
        Assert.Equal($"agreement {hub.KrJp} is Signed; cannot take requests", signed.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => hub.Task(id).Get());
        Assert.Empty(await hub.Records($"task/{id}"));
    }

    [Fact]
    public async Task A_task_id_already_taken_is_a_conflict()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        await hub.Task(id).Assign(hub.Assign());

        var error = await Assert.ThrowsAsync<ConflictException>(() => hub.Task(id).Assign(hub.Assign(title: "Another")));

        Assert.Equal($"task {id} already exists", error.Message);
        Assert.Equal("Locate a fugitive", (await hub.Task(id).Get()).Title);
        Assert.Equal(["task.assigned", "command.accepted"], await hub.RecordTypes($"task/{id}"));
    }

    [Fact]
    public async Task A_task_id_that_is_not_one_is_refused()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Task("T!").Assign(hub.Assign()));

        Assert.Equal("id: 'T!' is not a task id (3–64 letters, digits or dashes)", error.Message);
    }

    [Fact]
    public async Task Partners_and_operators_may_not_assign_tasks()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => hub.Task(id).Assign(hub.Assign(actor: Actors.Partner(hub.Knpa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => hub.Task(id).Assign(hub.Assign(actor: Actors.Operator)));

        Assert.Equal("only coordinators may assign tasks", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not assign tasks", @operator.Message);
        Assert.Empty(await hub.Records($"task/{id}"));
    }

    [Fact]
    public async Task Reading_a_task_never_assigned_is_not_found()
    {
        var hub = silo.NewHub();
        var id = hub.Key("T-404");

        var error = await Assert.ThrowsAsync<NotFoundException>(() => hub.Task(id).Get());

        Assert.Equal($"task {id} does not exist", error.Message);
    }
}
