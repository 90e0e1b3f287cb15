using System.Net;
using PolicingHub.Console.Forms;
using PolicingHub.Console.Tests.Support;
using PolicingHub.Contracts.Agencies;

namespace PolicingHub.Console.Tests.Forms;

/// <summary>Registering an agency with everything the API takes: home region, languages, capabilities, liaison contacts.</summary>
public sealed class RegisterAgencyFormTests : ConsoleTestContext
{
    private const string Registered = """
        {"code":"DE-BKA","name":"Bundeskriminalamt","country":"DE","homeRegion":"eu-central","languages":["de","en"],"capabilities":["Cyberspace"],
         "contacts":[],"status":{"consolesOnline":0,"lastSeen":null,"readiness":"Normal","openTasks":0,"overdueCommitments":0},"agreements":[],"openTasks":[],
         "registeredAt":"2026-11-26T00:00:00Z"}
        """;

    private IRenderedComponent<RegisterAgencyForm> FilledForm(Action<AgencyView>? registered = null)
    {
        var form = Render<RegisterAgencyForm>(p => p.Add(f => f.OnRegistered, a => registered?.Invoke(a)));
        form.Find("#code").Change("de-bka");
        form.Find("#name").Change("Bundeskriminalamt");
        form.Find("#homeRegion").Change("eu-central");
        form.Find("#languages").Change("de, en");
        form.FindAll("input[type=checkbox]").Single(c => c.ParentElement!.ParentElement!.TextContent.Contains("Cyberspace")).Change(true);
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Add a contact").Click();
        form.Find("#contact-name-0").Change("KHK Weber");
        form.Find("#contact-role-0").Change("Liaison officer");
        return form;
    }

    [Fact]
    public void Capabilities_and_a_liaison_contact_are_sent_with_the_profile()
    {
        Hub.Answer("POST", "/api/agencies", HttpStatusCode.Created, Registered);
        AgencyView? registered = null;
        var form = FilledForm(a => registered = a);
        form.Find("#contact-email-0").Change("weber@bka.example");
        form.Find("#contact-phone-0").Change("+49 611 55-0");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("DE-BKA", registered?.Code));
        Assert.Equal(
            "{\"code\":\"DE-BKA\",\"name\":\"Bundeskriminalamt\",\"homeRegion\":\"eu-central\",\"languages\":[\"de\",\"en\"],\"capabilities\":[\"Cyberspace\"]," +
            "\"contacts\":[{\"name\":\"KHK Weber\",\"role\":\"Liaison officer\",\"email\":\"weber@bka.example\",\"phone\":\"\\u002B49 611 55-0\"}]}",
            Assert.Single(Hub.Requests).Body);
    }

    [Fact]
    public void A_contact_without_a_usable_email_is_stopped_beside_that_field_and_nothing_is_sent()
    {
        var form = FilledForm();
        form.Find("#contact-email-0").Change("weber at bka");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Not an e-mail address.", form.Find("#contact-email-0").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void A_code_that_is_not_country_dash_agency_is_stopped_before_sending()
    {
        var form = FilledForm();
        form.Find("#contact-email-0").Change("weber@bka.example");
        form.Find("#code").Change("BKA");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("A code like DE-BKA", form.Find("#code").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void The_hubs_error_for_a_contacts_email_is_shown_beside_that_field()
    {
        Hub.Answer("POST", "/api/agencies", HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"contacts[0].email":["Not an e-mail address."]}}""");
        var form = FilledForm();
        form.Find("#contact-email-0").Change("weber@");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Not an e-mail address.", form.Find("#contact-email-0").Closest(".mud-input-control")!.TextContent));
        Assert.Contains("One or more validation errors occurred.", form.Find("[role=alert]").TextContent);
        Assert.Single(Hub.Requests);
    }
}
