using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>Every bad input gets the right ProblemDetails and changes nothing: same views, no domain event, one refusal audited at most.</summary>
public sealed partial class BadInputTests(UnthrottledGatewayFactory factory) : IClassFixture<UnthrottledGatewayFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.SeedDemoAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Malformed_JSON_is_a_400_and_changes_nothing()
    {
        var problem = await RefusedAsync(400, "/api/tasks", "{\"agreement\": ", audited: true);

        Assert.Equal("Malformed request body", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_JSON_body_that_is_not_an_object_is_a_400() => await RefusedAsync(400, "/api/tasks", "[1, 2]", audited: true);

    [Fact]
    public async Task Missing_fields_are_a_400_validation_problem_naming_each_field_and_change_nothing()
    {
        var problem = await RefusedAsync(400, "/api/tasks", "{\"agreement\":\"MOU-KR-JP-2026\",\"assignee\":\"JP-NPA\"}", audited: true);

        Assert.Equal(["area", "description", "handling", "kind", "priority", "requestingAgency", "title"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_field_error()
    {
        var request = Scenario.TaskRequest(Scenario.NewTaskId());
        request["handling"] = "Purple";

        var problem = await RefusedAsync(400, "/api/tasks", HttpJson.Serialize(request), audited: true);

        Assert.Equal(["handling"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_field_error_named_by_its_path()
    {
        var problem = await RefusedAsync(400, "/api/agreements/MOU-KR-JP-2026/commitments",
            "{\"area\":\"Drugs\",\"text\":\"t\",\"responsibleParty\":\"JP-NPA\",\"dueAt\":\"next week\"}", audited: true);

        Assert.Equal(["dueAt"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_malformed_id_in_the_route_is_a_field_error() =>
        Assert.Equal(["id"], (await RefusedAsync(400, "/api/tasks/bad id!/cancel", "{\"reason\":\"r\"}", audited: true)).ErrorFields());

    [Fact]
    public async Task An_unknown_task_is_a_404()
    {
        var problem = await RefusedAsync(404, "/api/tasks/T-NOSUCH-0002/cancel", "{\"reason\":\"duplicate\"}", audited: true);

        Assert.Equal("Not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_agreement_for_a_new_task_is_refused_and_the_task_is_not_created()
    {
        var id = Scenario.NewTaskId();
        var request = Scenario.TaskRequest(id);
        request["agreement"] = "MOU-NOSUCH-1";

        await RefusedAsync(404, "/api/tasks", HttpJson.Serialize(request), audited: true);

        using var coordinator = factory.Coordinator();
        await (await coordinator.GetAsync($"/api/tasks/{id}")).ProblemAsync(404);
    }

    [Fact]
    public async Task An_invalid_transition_is_a_409_and_leaves_the_task_as_it_was()
    {
        var id = await factory.AssignTaskAsync();
        using var japan = factory.Partner("JP-NPA");
        var before = await (await japan.GetAsync($"/api/tasks/{id}")).Content.ReadAsStringAsync();

        var problem = await RefusedAsync(409, $"/api/tasks/{id}/complete", "{\"outcome\":\"done\"}", audited: true, japan);

        Assert.Equal("Invalid transition", problem.GetProperty("title").GetString());
        Assert.Equal(before, await (await japan.GetAsync($"/api/tasks/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_domain_rule_broken_by_the_command_is_a_400()
    {
        var request = Scenario.TaskRequest(Scenario.NewTaskId());
        request["assignee"] = "CA-RCMP";

        await RefusedAsync(400, "/api/tasks", HttpJson.Serialize(request), audited: true);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_refused_before_it_is_read()
    {
        var request = Scenario.TaskRequest(Scenario.NewTaskId());
        request["description"] = new string('x', 70_000);

        var problem = await RefusedAsync(413, "/api/tasks", HttpJson.Serialize(request), audited: false);

        Assert.Equal("Payload too large", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_second_agency_with_the_same_code_is_a_409()
    {
        var body = "{\"code\":\"JP-NPA\",\"name\":\"Duplicate\",\"homeRegion\":\"ap-northeast\"}";

        var problem = await RefusedAsync(409, "/api/agencies", body, audited: true);

        Assert.Equal("Conflict", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415()
    {
        using var coordinator = factory.Coordinator();
        var before = await HubState.ReadAsync(factory);

        var response = await coordinator.PostAsync("/api/tasks", new StringContent("agreement=MOU-KR-JP-2026", System.Text.Encoding.UTF8, "text/plain"));

        await response.ProblemAsync(415);
        var added = (await HubState.ReadAsync(factory)).Since(before);
        Assert.Equal((0, 0, 0), (added.DomainEvents, added.Accepted.Count, added.Refusals.Count));
    }

    /// <summary>
    /// Sends the bad command (as a coordinator unless a client is given) and checks the problem status, that the views
    /// and domain events did not change, that no command was recorded as accepted, and that exactly one
    /// audit.command-refused with the refusal's outcome was appended to "audit/refusals" when audited (none otherwise).
    /// </summary>
    private async Task<System.Text.Json.JsonElement> RefusedAsync(int status, string url, string body, bool audited, HttpClient? client = null)
    {
        using var owned = client is null ? factory.Coordinator() : null;
        var sender = client ?? owned!;
        using var reader = factory.Coordinator();
        var views = await ViewsAsync(reader);
        var before = await HubState.ReadAsync(factory);

        var problem = await (await sender.PostRawAsync(url, body)).ProblemAsync(status);

        var added = (await HubState.ReadAsync(factory)).Since(before);
        Assert.Equal(views, await ViewsAsync(reader));
        Assert.Equal(0, added.DomainEvents);
        Assert.Empty(added.Accepted);
        Assert.Equal(audited ? 1 : 0, added.Refusals.Count);
        if (audited)
        {
            Assert.Equal($"{status} {problem.GetProperty("title").GetString()}", added.LastRefusal.Outcome);
        }
        return problem;
    }

    private static async Task<string> ViewsAsync(HttpClient client) => string.Join("\n",
        await client.GetStringAsync("/api/agencies"), await client.GetStringAsync("/api/agreements"), await client.GetStringAsync("/api/tasks"));
}
