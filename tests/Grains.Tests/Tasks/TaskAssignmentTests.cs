using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class TaskAssignmentTests
{
    [Fact]
    public async Task Assigning_a_task_plans_default_deadlines_and_tells_the_agreement_the_assignee_and_the_directory()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        var mark = await silo.Mark();

        var task = await silo.Task("T-1").Assign(Hub.Assign());

        Assert.Equal(new TaskView(TaskId.Parse("T-1"), AgreementId.Parse(Hub.KrJp), Hub.Code(Hub.Knpa), Hub.Code(Hub.Npa), TaskKind.FugitiveLocation,
            CooperationArea.Fugitives, Priority.Urgent, HandlingCode.Amber, "Locate a fugitive", "Believed to be in Osaka.", CooperationTaskStatus.Assigned,
            silo.Now, silo.Now.AddHours(8), silo.Now.AddDays(7), null, null, null, null, null, 0, task.Updates), task);
        Assert.Empty(task.Updates);
        Assert.Equal(
            ["task/T-1:task.assigned", "agreement/MOU-KR-JP-2026:agreement.scorecard-changed", "agency/JP-NPA:agency.status-changed"],
            await silo.EventsSince(mark));
        var assignee = await silo.Agency(Hub.Npa).Get();
        Assert.Equal([TaskId.Parse("T-1")], assignee.OpenTasks.Items());
        Assert.Equal(1, assignee.Status.OpenTasks);
        Assert.Empty((await silo.Agency(Hub.Knpa).Get()).OpenTasks);
        Assert.Equal([TaskId.Parse("T-1")], (await silo.Directory.Get()).Tasks.Items());
        Assert.Equal([new PartyCounts(Hub.Code(Hub.Knpa), 1, 0, 0), new PartyCounts(Hub.Code(Hub.Npa), 0, 1, 0)],
            (await silo.Agreement(Hub.KrJp).Get()).Scorecard.Parties.Items());
    }

    [Theory]
    [InlineData(Priority.Critical, 2, 3 * 24)]
    [InlineData(Priority.Urgent, 8, 7 * 24)]
    [InlineData(Priority.Routine, 3 * 24, 30 * 24)]
    public async Task Without_a_matching_clause_the_default_response_windows_apply(Priority priority, int acknowledgeHours, int answerHours)
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement(clauses: [new(CooperationArea.Cyberspace, Priority.Critical, TimeSpan.FromHours(1), TimeSpan.FromHours(24))]);

        var plan = await agreement.PlanRequest(Hub.Code(Hub.Knpa), Hub.Code(Hub.Npa), CooperationArea.Fugitives, priority, silo.Now);

        Assert.Equal(new ResponseDeadlines(silo.Now.AddHours(acknowledgeHours), silo.Now.AddHours(answerHours)), plan);
    }

    [Fact]
    public async Task A_matching_clause_sets_the_deadlines_and_an_override_replaces_the_answer_deadline()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement(clauses: [new(CooperationArea.Cyberspace, Priority.Critical, TimeSpan.FromHours(1), TimeSpan.FromHours(24))]);

        var byClause = await silo.Task("T-1").Assign(Hub.Assign(area: CooperationArea.Cyberspace, priority: Priority.Critical));
        var overridden = await silo.Task("T-2").Assign(Hub.Assign(deadlineOverride: silo.Now.AddDays(2)));
        var tight = await silo.Task("T-3").Assign(Hub.Assign(deadlineOverride: silo.Now.AddHours(4)));

        Assert.Equal((silo.Now.AddHours(1), silo.Now.AddHours(24)), (byClause.AcknowledgeBy, byClause.Deadline));
        Assert.Equal((silo.Now.AddHours(8), silo.Now.AddDays(2)), (overridden.AcknowledgeBy, overridden.Deadline));
        Assert.Equal((silo.Now.AddHours(4), silo.Now.AddHours(4)), (tight.AcknowledgeBy, tight.Deadline));
    }

    public static TheoryData<string, AssignTask, string> RefusedAssignments => new()
    {
        { "non-party assignee", Hub.Assign(assignee: Hub.Rcmp), "assignee: CA-RCMP is not a party to agreement MOU-KR-JP-2026" },
        { "non-party requester", Hub.Assign(requester: Hub.Rcmp), "requestingAgency: CA-RCMP is not a party to agreement MOU-KR-JP-2026" },
        { "own request", Hub.Assign(requester: Hub.Npa), "assignee: JP-NPA cannot be assigned its own request" },
        { "uncovered area", Hub.Assign(area: CooperationArea.Drugs), "area: Drugs is not an area of agreement MOU-KR-JP-2026" },
        { "empty title", Hub.Assign(title: ""), "title: must not be empty" },
        { "long description", Hub.Assign(description: new string('x', 4001)), "description: must be at most 4000 characters (was 4001)" },
        { "past override", Hub.Assign(deadlineOverride: new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)),
            "deadlineOverride: must be in the future (was 2026-11-22T08:00:00.0000000+00:00, now 2026-11-22T09:00:00.0000000+00:00)" },
    };

    [Theory]
    [MemberData(nameof(RefusedAssignments))]
    public async Task A_refused_assignment_names_the_field_and_changes_nothing(string _, AssignTask command, string message)
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        await silo.RegisterAgencies(Hub.Rcmp);
        var mark = await silo.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => silo.Task("T-1").Assign(command));

        Assert.Equal(message, error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => silo.Task("T-1").Get());
        Assert.Empty(await silo.EventsSince(mark));
        Assert.Empty((await silo.Agency(Hub.Rcmp).Get()).OpenTasks);
        Assert.Empty((await silo.Directory.Get()).Tasks);
    }

    [Fact]
    public async Task Assigning_under_an_unknown_or_inactive_agreement_is_refused()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);
        await silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, Hub.Npa]));
        await silo.Agreement(Hub.KrJp).Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa));

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => silo.Task("T-1").Assign(Hub.Assign(agreement: "MOU-NONE")));
        var signed = await Assert.ThrowsAsync<InvalidTransitionException>(() => silo.Task("T-1").Assign(Hub.Assign()));

        Assert.Equal("agreement MOU-NONE does not exist", unknown.Message);
        Assert.Equal("agreement MOU-KR-JP-2026 is Signed; cannot take requests", signed.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => silo.Task("T-1").Get());
    }

    [Fact]
    public async Task A_task_id_already_taken_is_a_conflict()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        await silo.Task("T-1").Assign(Hub.Assign());

        var error = await Assert.ThrowsAsync<ConflictException>(() => silo.Task("T-1").Assign(Hub.Assign(title: "Another")));

        Assert.Equal("task T-1 already exists", error.Message);
        Assert.Equal("Locate a fugitive", (await silo.Task("T-1").Get()).Title);
        Assert.Equal(["task.assigned"], await silo.EventTypes("task/T-1"));
    }

    [Fact]
    public async Task Partners_and_operators_may_not_assign_tasks()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => silo.Task("T-1").Assign(Hub.Assign(actor: Actors.Partner(Hub.Knpa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => silo.Task("T-1").Assign(Hub.Assign(actor: Actors.Operator)));

        Assert.Equal("only coordinators may assign tasks", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not assign tasks", @operator.Message);
    }

    [Fact]
    public async Task Reading_a_task_never_assigned_is_not_found()
    {
        await using var silo = await DomainSilo.StartAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => silo.Task("T-404").Get());

        Assert.Equal("task T-404 does not exist", error.Message);
    }
}
