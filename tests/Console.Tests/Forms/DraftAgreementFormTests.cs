using System.Net;
using PolicingHub.Console.Forms;
using PolicingHub.Console.Tests.Support;

namespace PolicingHub.Console.Tests.Forms;

/// <summary>Drafting an agreement: any number of response clauses, each checked before sending, the hub's errors beside each clause's fields.</summary>
public sealed class DraftAgreementFormTests : ConsoleTestContext
{
    private IRenderedComponent<DraftAgreementForm> FilledForm()
    {
        var form = Render<DraftAgreementForm>();
        form.Find("#agreement-title").Change("MOU KR-DE 2027");
        form.Find("#parties").Change("kr-knpa, de-bka");
        form.FindAll("input[type=checkbox]").Single(c => c.ParentElement!.ParentElement!.TextContent.Contains("Cyberspace")).Change(true);
        form.FindAll("input[type=checkbox]").Single(c => c.ParentElement!.ParentElement!.TextContent.Contains("Drugs")).Change(true);
        return form;
    }

    private static void AddClause(IRenderedComponent<DraftAgreementForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Add a response clause").Click();

    [Fact]
    public void Two_response_clauses_are_sent_in_order_with_the_expiry_date()
    {
        Hub.Answer("POST", "/api/agreements", HttpStatusCode.Created, "{\"id\":\"MOU-KR-DE-2027\"}");
        var form = FilledForm();
        AddClause(form);
        AddClause(form);
        form.Find("#clause-area-1").Change("Drugs");
        form.Find("#clause-priority-1").Change("Routine");
        form.Find("#clause-ack-1").Change("P1D");
        form.Find("#clause-answer-1").Change("P7D");
        form.Find("#expiresOn").Change("2099-12-31");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Hub.Requests));
        Assert.Equal(
            "{\"id\":null,\"title\":\"MOU KR-DE 2027\",\"parties\":[\"KR-KNPA\",\"DE-BKA\"],\"areas\":[\"Cyberspace\",\"Drugs\"]," +
            "\"responseClauses\":[{\"area\":\"Cyberspace\",\"priority\":\"Urgent\",\"acknowledgeWithin\":\"PT8H\",\"answerWithin\":\"P3D\"}," +
            "{\"area\":\"Drugs\",\"priority\":\"Routine\",\"acknowledgeWithin\":\"P1D\",\"answerWithin\":\"P7D\"}],\"expiresOn\":\"2099-12-31\"}",
            Hub.Requests[0].Body);
    }

    [Fact]
    public void A_clause_with_a_duration_that_is_not_one_is_stopped_beside_that_field_and_nothing_is_sent()
    {
        var form = FilledForm();
        AddClause(form);
        AddClause(form);
        form.Find("#clause-answer-1").Change("three days");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("A duration such as PT8H, P3D or 08:00:00.", ClauseFieldText(form, "clause-answer-1")));
        Assert.DoesNotContain("A duration such as", ClauseFieldText(form, "clause-answer-0"));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void The_hubs_error_for_the_second_clause_is_shown_beside_that_clauses_field()
    {
        Hub.Answer("POST", "/api/agreements", HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"responseClauses[1].acknowledgeWithin":["Longer than the answer time."]}}""");
        var form = FilledForm();
        AddClause(form);
        AddClause(form);

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Longer than the answer time.", ClauseFieldText(form, "clause-ack-1")));
        Assert.DoesNotContain("Longer than the answer time.", ClauseFieldText(form, "clause-ack-0"));
        Assert.Single(Hub.Requests);
    }

    [Fact]
    public void A_removed_clause_is_not_sent()
    {
        Hub.Answer("POST", "/api/agreements", HttpStatusCode.Created, "{\"id\":\"MOU-1\"}");
        var form = FilledForm();
        AddClause(form);
        form.Find("button[aria-label='Remove clause 1']").Click();

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Hub.Requests));
        Assert.Contains("\"responseClauses\":null", Hub.Requests[0].Body);
    }

    /// <summary>The text of the MudTextField around an input: its label, value and helper (error) text.</summary>
    private static string ClauseFieldText(IRenderedComponent<DraftAgreementForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;
}
