using System.Net;
using PolicingHub.Console.Forms;
using PolicingHub.Console.Tests.Support;
using PolicingHub.Contracts.Agencies;

namespace PolicingHub.Console.Tests.Forms;

/// <summary>Setting an agency's readiness (a coordinator for any agency, a liaison desk for its own).</summary>
public sealed class ReadinessFormTests : ConsoleTestContext
{
    [Fact]
    public void The_chosen_level_and_reason_are_put_to_the_agencys_readiness()
    {
        Hub.Answer("PUT", "/api/agencies/JP-NPA/readiness", HttpStatusCode.OK, """
            {"code":"JP-NPA","name":"警察庁","country":"JP","homeRegion":"ap-northeast","languages":["ja"],"capabilities":[],"contacts":[],
             "status":{"consolesOnline":1,"lastSeen":null,"readiness":"Elevated","openTasks":2,"overdueCommitments":0},"agreements":[],"openTasks":[],
             "registeredAt":"2026-11-26T00:00:00Z"}
            """);
        AgencyView? done = null;
        var form = Render<ReadinessForm>(p => p.Add(f => f.Agency, "JP-NPA").Add(f => f.Current, "Normal").Add(f => f.OnDone, a => done = a));

        Assert.Equal("Normal", form.Find("#readiness").GetAttribute("value"));
        form.Find("#readiness").Change("Elevated");
        form.Find("#readiness-reason").Change("G7 summit week");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Elevated", done?.Status.Readiness));
        var (method, path, body) = Assert.Single(Hub.Requests);
        Assert.Equal(("PUT", "/api/agencies/JP-NPA/readiness", "{\"readiness\":\"Elevated\",\"reason\":\"G7 summit week\"}"), (method, path, body));
    }

    [Fact]
    public void Without_a_level_nothing_is_sent_and_the_select_says_why()
    {
        var form = Render<ReadinessForm>(p => p.Add(f => f.Agency, "JP-NPA"));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Choose a readiness level.", form.Find("#readiness-error").TextContent.Trim()));
        Assert.Empty(Hub.Requests);
    }
}
