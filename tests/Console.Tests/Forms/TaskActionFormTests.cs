using System.Net;
using PolicingHub.Console.Forms;
using PolicingHub.Console.Tests.Support;
using PolicingHub.Contracts.Tasks;

namespace PolicingHub.Console.Tests.Forms;

/// <summary>The task action form: checks before sending, shows the hub's ProblemDetails field errors beside the fields.</summary>
public sealed class TaskActionFormTests : ConsoleTestContext
{
    private static readonly TaskView Assigned = Support.Views.Task("T-20261126-0001", "Assigned");

    [Fact]
    public void Acknowledging_without_an_officer_is_stopped_in_the_browser_with_the_reason_beside_the_field()
    {
        var form = Render<TaskActionForm>(p => p.Add(f => f.Task, Assigned).Add(f => f.Action, TaskAction.Acknowledge));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Name the officer handling it.", form.Markup));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void The_hubs_field_error_for_the_eta_is_shown_beside_that_field_and_nothing_is_reported_done()
    {
        Hub.Answer("POST", "/api/tasks/T-20261126-0001/acknowledge", HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"eta":["The ETA must be in the future."]}}""");
        TaskView? done = null;
        var form = Render<TaskActionForm>(p => p.Add(f => f.Task, Assigned).Add(f => f.Action, TaskAction.Acknowledge).Add(f => f.OnDone, v => done = v));

        form.Find("#officer").Change("Insp. Sato");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("The ETA must be in the future.", form.Find("#eta").ParentElement!.ParentElement!.ParentElement!.TextContent));
        Assert.Contains("One or more validation errors occurred.", form.Find("[role=alert]").TextContent);
        var (method, path, body) = Assert.Single(Hub.Requests);
        Assert.Equal(("POST", "/api/tasks/T-20261126-0001/acknowledge"), (method, path));
        Assert.Contains("\"officer\":\"Insp. Sato\"", body);
        Assert.Null(done);
    }

    [Fact]
    public void A_decline_sends_the_reason_and_reports_the_new_state()
    {
        Hub.Answer("POST", "/api/tasks/T-20261126-0001/decline", HttpStatusCode.OK, Support.Views.TaskJson("T-20261126-0001", "Declined"));
        TaskView? done = null;
        var form = Render<TaskActionForm>(p => p.Add(f => f.Task, Assigned).Add(f => f.Action, TaskAction.Decline).Add(f => f.OnDone, v => done = v));

        form.Find("#reason").Change("Outside our jurisdiction");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Declined", done?.Status));
        Assert.Equal("{\"reason\":\"Outside our jurisdiction\"}", Assert.Single(Hub.Requests).Body);
    }

    [Fact]
    public void Reassigning_offers_the_agreements_other_parties_and_sends_the_choice_with_the_reason()
    {
        var declined = Support.Views.Task("T-20261126-0001", "Declined");
        Hub.Answer("POST", "/api/tasks/T-20261126-0001/reassign", HttpStatusCode.OK, Support.Views.TaskJson("T-20261126-0001", "Assigned"));
        TaskView? done = null;
        var form = Render<TaskActionForm>(p => p.Add(f => f.Task, declined).Add(f => f.Action, TaskAction.Reassign)
            .Add(f => f.Parties, ["KR-KNPA", "JP-NPA", "US-FBI"]).Add(f => f.OnDone, v => done = v));

        Assert.Equal(["", "KR-KNPA", "US-FBI"], form.FindAll("#assignee option").Select(o => o.GetAttribute("value")));
        form.Find("#assignee").Change("US-FBI");
        form.Find("#reason").Change("JP-NPA declined");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Assigned", done?.Status));
        Assert.Equal("{\"assignee\":\"US-FBI\",\"reason\":\"JP-NPA declined\"}", Assert.Single(Hub.Requests).Body);
    }

    [Fact]
    public void Reassigning_to_the_current_assignee_is_stopped_before_sending()
    {
        var form = Render<TaskActionForm>(p => p.Add(f => f.Task, Assigned).Add(f => f.Action, TaskAction.Reassign));

        form.Find("#assignee").Change("jp-npa");
        form.Find("#reason").Change("again");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("JP-NPA already has this task.", form.Markup));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void The_hubs_error_naming_the_new_assignee_is_shown_beside_the_assignee_field()
    {
        Hub.Answer("POST", "/api/tasks/T-20261126-0001/reassign", HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"assignee":["US-FBI is not a party to agreement MOU-KR-JP-2026"]}}""");
        var form = Render<TaskActionForm>(p => p.Add(f => f.Task, Assigned).Add(f => f.Action, TaskAction.Reassign).Add(f => f.Parties, ["KR-KNPA", "JP-NPA", "US-FBI"]));

        form.Find("#assignee").Change("US-FBI");
        form.Find("#reason").Change("capacity");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("US-FBI is not a party to agreement MOU-KR-JP-2026", form.Find("#assignee-error").TextContent.Trim()));
        Assert.Equal("true", form.Find("#assignee").GetAttribute("aria-invalid"));
    }
}
