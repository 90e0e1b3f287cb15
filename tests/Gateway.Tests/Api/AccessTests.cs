using System.Net;
using System.Net.Http.Headers;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class AccessTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.SeedDemoAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/api/agencies")]
    [InlineData("/api/agreements")]
    [InlineData("/api/tasks/T-DEMO-0001")]
    [InlineData("/api/audit/verify")]
    [InlineData("/api/cluster")]
    public async Task A_request_without_a_token_gets_401_ProblemDetails_with_a_bearer_challenge(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        await response.ProblemAsync(401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_token_that_is_not_ours_gets_401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImNvb3JkaW5hdG9yIn0.c2lnbmF0dXJl");

        await (await client.GetAsync("/api/agencies")).ProblemAsync(401);
    }

    [Fact]
    public async Task The_access_token_query_parameter_is_accepted_for_hubs_only()
    {
        var response = await factory.CreateClient().GetAsync($"/api/agencies?access_token={factory.CoordinatorToken()}");

        await response.ProblemAsync(401);
    }

    [Theory]
    [InlineData("partner", "GET", "/api/audit/verify")]
    [InlineData("partner", "GET", "/api/cluster")]
    [InlineData("operator", "GET", "/api/tasks")]
    [InlineData("operator", "GET", "/api/agreements/MOU-KR-JP-2026")]
    [InlineData("coordinator", "POST", "/api/tasks/T-DEMO-0001/acknowledge")]
    [InlineData("operator", "POST", "/api/agencies")]
    public async Task A_role_without_the_right_gets_403(string role, string method, string url)
    {
        using var client = role switch
        {
            "partner" => factory.Partner("JP-NPA"),
            "operator" => factory.Operator(),
            _ => factory.Coordinator(),
        };

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });

        await response.ProblemAsync(403);
    }

    [Fact]
    public async Task A_partner_commanding_as_a_coordinator_is_refused_403_and_the_refusal_is_audited()
    {
        using var partner = factory.Partner("JP-NPA", "desk-tokyo");
        var before = await HubState.ReadAsync(factory);

        var response = await partner.PostJsonAsync("/api/tasks", Scenario.TaskRequest("T-REFUSED-0001"));

        await response.ProblemAsync(403);
        var added = (await HubState.ReadAsync(factory)).Since(before);
        Assert.Equal(0, added.DomainEvents);
        Assert.Empty(added.Accepted);
        var refusal = Assert.Single(added.Refusals);
        Assert.Equal(("desk-tokyo", ActorRole.Partner, "JP-NPA", "task.assign", "-", "403 Forbidden"),
            (refusal.Subject, refusal.Role, refusal.Agency, refusal.Action, refusal.Target, refusal.Outcome));
    }

    [Fact]
    public async Task A_partner_reading_another_agencys_task_gets_the_same_404_as_for_a_task_that_does_not_exist()
    {
        using var canada = factory.Partner("CA-RCMP");

        var hidden = await (await canada.GetAsync("/api/tasks/T-DEMO-0001")).ProblemAsync(404);
        var missing = await (await canada.GetAsync("/api/tasks/T-NOSUCH-0001")).ProblemAsync(404);

        Assert.Equal("Task 'T-DEMO-0001' was not found.", hidden.GetProperty("detail").GetString());
        Assert.Equal("Task 'T-NOSUCH-0001' was not found.", missing.GetProperty("detail").GetString());
        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_partner_acting_on_a_task_it_cannot_see_gets_404_not_403()
    {
        using var canada = factory.Partner("CA-RCMP");

        var response = await canada.PostJsonAsync("/api/tasks/T-DEMO-0001/acknowledge", new { officer = "x", eta = DateTimeOffset.UtcNow.AddDays(1) });

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task A_partner_sees_an_amber_task_only_as_its_assignee()
    {
        using var korea = factory.Partner("KR-KNPA");
        using var japan = factory.Partner("JP-NPA");

        await (await korea.GetAsync("/api/tasks/T-DEMO-0001")).ProblemAsync(404);
        Assert.Equal("T-DEMO-0001", (await japan.GetAsync<IdOnly>("/api/tasks/T-DEMO-0001")).Id);
    }

    [Fact]
    public async Task A_partner_lists_only_its_agency_its_agreements_and_the_tasks_it_may_see()
    {
        using var japan = factory.Partner("JP-NPA");

        var agencies = await japan.GetAsync<CodeOnly[]>("/api/agencies");
        var agreements = await japan.GetAsync<IdOnly[]>("/api/agreements");
        var tasks = await japan.GetAsync<IdOnly[]>("/api/tasks");

        Assert.Equal(["JP-NPA"], agencies.Select(a => a.Code));
        Assert.Equal([Scenario.KoreaJapan], agreements.Select(a => a.Id));
        Assert.Equal(["T-DEMO-0001", "T-DEMO-0002", "T-DEMO-0005"], tasks.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Task_listings_filter_by_agency_and_status()
    {
        using var coordinator = factory.Coordinator();

        var canada = await coordinator.GetAsync<IdOnly[]>("/api/tasks?agency=CA-RCMP");
        var completed = await coordinator.GetAsync<IdOnly[]>("/api/tasks?status=Completed");
        var bad = await (await coordinator.GetAsync("/api/tasks?agency=canada&status=Done")).ProblemAsync(400);

        Assert.Equal(["T-DEMO-0003", "T-DEMO-0004"], canada.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["T-DEMO-0004"], completed.Select(t => t.Id));
        Assert.Equal(["agency", "status"], bad.ErrorFields());
    }

    [Fact]
    public async Task An_operator_sees_agencies_without_contacts_agreements_or_tasks_and_the_cluster()
    {
        using var op = factory.Operator();

        var agencies = await op.GetAsync<JsonAgency[]>("/api/agencies");
        var cluster = await (await op.GetAsync("/api/cluster")).Content.ReadAsStringAsync();

        Assert.Equal(4, agencies.Length);
        Assert.All(agencies, a => Assert.Equal((0, 0, 0), (a.Contacts.Length, a.Agreements.Length, a.OpenTasks.Length)));
        Assert.Contains("\"status\":\"Active\"", cluster, StringComparison.Ordinal);
        Assert.DoesNotContain("T-DEMO", cluster, StringComparison.Ordinal);
        Assert.DoesNotContain("MOU-", cluster, StringComparison.Ordinal);
    }

    private sealed record IdOnly(string Id);

    private sealed record CodeOnly(string Code);

    private sealed record JsonAgency(string Code, object[] Contacts, string[] Agreements, string[] OpenTasks);

}
