using System.Net;
using PolicingHub.Console.Pages.Operator;
using PolicingHub.Console.Tests.Support;

namespace PolicingHub.Console.Tests.Views;

/// <summary>The operator's cluster view: silo load and region as the cluster endpoint reports them, drain after a confirmation.</summary>
public sealed class ClusterPageTests : ConsoleTestContext
{
    private const string Address = "S127.0.0.1:11111:1";

    public ClusterPageTests()
    {
        Hub.Answer("GET", "/api/cluster", HttpStatusCode.OK, $$"""
            {"membershipVersion":4,"silos":[{"address":"{{Address}}","name":"silo-a","status":"Active","isLocal":true,"activations":35,"cpuUsage":7.5,
              "recentlyUsedActivations":7,"region":"ap-northeast","memoryUsageBytes":536870912,"availableMemoryBytes":8589934592,"isOverloaded":false}],
             "agencies":[{"agency":"JP-NPA","homeRegion":"ap-northeast","silo":"{{Address}}","region":"ap-northeast","atHome":true}]}
            """);
        Hub.Answer("GET", "/api/cluster/presence", HttpStatusCode.OK, "[]");
    }

    [Fact]
    public void Each_silo_shows_its_region_load_and_memory_and_each_agency_where_it_lives()
    {
        var page = Render<Cluster>();

        page.WaitForAssertion(() => Assert.Equal(
            ["silo-a (this one)S127.0.0.1:11111:1", "ap-northeast", "Active", "35", "7", "7.5 %", "0.5 GiB / 8.0 GiB"],
            page.Find("tr[data-silo='silo-a']").Children.Take(7).Select(c => c.TextContent.Trim())));
        Assert.Equal(["JP-NPA", "ap-northeast", Address, "ap-northeast", "yes"],
            page.Find("tr[data-placement='JP-NPA']").Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Draining_asks_first_and_then_posts_to_the_silos_drain()
    {
        Hub.Answer("POST", $"/api/cluster/silos/{Uri.EscapeDataString(Address)}/drain", HttpStatusCode.Accepted, $$"""{"silo":"{{Address}}","operation":"drained","moved":12}""");
        var page = Render<Cluster>();

        page.WaitForAssertion(() => page.Find("button[aria-label='Drain silo-a']").Click());
        Assert.DoesNotContain(Hub.Requests, r => r.Method == "POST");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Drain silo-a").Click();

        page.WaitForAssertion(() => Assert.Contains("silo-a drained: 12 activation(s) asked to move.", page.Find("[role=status]").TextContent));
        Assert.Equal(("POST", $"/api/cluster/silos/{Uri.EscapeDataString(Address)}/drain"), Hub.Requests.Where(r => r.Method == "POST").Select(r => (r.Method, r.Path)).Single());
    }
}
