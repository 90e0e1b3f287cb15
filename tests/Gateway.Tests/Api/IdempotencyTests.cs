using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class IdempotencyTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.SeedDemoAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_create_retried_with_the_same_key_returns_the_same_task_and_creates_it_once()
    {
        using var coordinator = factory.Coordinator();
        var key = Guid.NewGuid().ToString();
        var before = await HubState.ReadAsync(factory);

        var first = await coordinator.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), key);
        var afterFirst = await HubState.ReadAsync(factory);
        var second = await coordinator.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var retried = (await HubState.ReadAsync(factory)).Since(afterFirst);
        Assert.Equal((0, 0, 0), (retried.DomainEvents, retried.Accepted.Count, retried.Refusals.Count));
        var created = afterFirst.Since(before);
        Assert.Equal(["task.assigned"], created.DomainEventList.Select(e => e.Type));
        Assert.Equal(key, Assert.Single(created.Accepted).Record.IdempotencyKey?.Split('\n')[^1]);
        var tasks = await coordinator.GetAsync<IdOnly[]>("/api/tasks");
        Assert.Single(tasks, t => $"/api/tasks/{t.Id}" == first.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_409_ProblemDetails_and_appends_nothing_but_the_refusal()
    {
        using var coordinator = factory.Coordinator();
        var key = Guid.NewGuid().ToString();
        var first = await coordinator.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), key);
        var other = Scenario.TaskRequest();
        other["title"] = "Another request altogether";
        var before = await HubState.ReadAsync(factory);

        var reused = await coordinator.PostJsonAsync("/api/tasks", other, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await reused.ProblemAsync(409);
        Assert.Equal("Idempotency key reused", problem.GetProperty("title").GetString());
        var added = (await HubState.ReadAsync(factory)).Since(before);
        Assert.Equal((0, 0), (added.DomainEvents, added.Accepted.Count));
        Assert.Equal(("task.assign", "409 Idempotency key reused"), (added.LastRefusal.Action, added.LastRefusal.Outcome));
        Assert.Single(added.Refusals);
        Assert.Equal("Phishing kit infrastructure", (await coordinator.GetAsync<TitleOnly>(first.Headers.Location!.OriginalString)).Title);
    }

    [Fact]
    public async Task The_same_key_from_another_subject_is_another_command()
    {
        var key = Guid.NewGuid().ToString();
        using var alice = factory.Coordinator("alice");
        using var bob = factory.Coordinator("bob");

        var fromAlice = await alice.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), key);
        var fromBob = await bob.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (fromAlice.StatusCode, fromBob.StatusCode));
        Assert.NotEqual(fromAlice.Headers.Location, fromBob.Headers.Location);
    }

    [Fact]
    public async Task A_key_is_scoped_to_the_token_subject_so_another_subject_may_use_it_on_the_same_grain()
    {
        var key = Guid.NewGuid().ToString();
        using var alice = factory.Coordinator("alice");
        using var bob = factory.Coordinator("bob");
        var agreement = $"/api/agreements/{Scenario.KoreaJapan}";

        var suspended = await alice.PostJsonAsync($"{agreement}/suspend", new { reason = "review" }, key);
        var resumed = await bob.PostJsonAsync($"{agreement}/resume", new { }, key);
        var aliceAgain = await alice.PostJsonAsync($"{agreement}/resume", new { }, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (suspended.StatusCode, resumed.StatusCode));
        Assert.Equal("Active", (await resumed.ReadAsync<StatusOnly>()).Status);
        Assert.Equal("Idempotency key reused", (await aliceAgain.ProblemAsync(409)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_retried_step_replays_its_outcome_without_a_second_effect()
    {
        var id = await factory.AssignTaskAsync();
        using var japan = factory.Partner("JP-NPA");
        var body = new { officer = "Insp. Duty", eta = DateTimeOffset.UtcNow.AddDays(1) };
        var key = Guid.NewGuid().ToString();

        var first = await japan.PostJsonAsync($"/api/tasks/{id}/acknowledge", body, key);
        var before = await HubState.ReadAsync(factory);
        var retry = await japan.PostJsonAsync($"/api/tasks/{id}/acknowledge", body, key);
        var withoutKey = await japan.PostJsonAsync($"/api/tasks/{id}/acknowledge", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await withoutKey.ProblemAsync(409);
        var added = (await HubState.ReadAsync(factory)).Since(before);
        Assert.Equal((0, 0), (added.DomainEvents, added.Accepted.Count));
        Assert.Equal(["409 Invalid transition"], added.Refusals.Select(r => r.Outcome));
    }

    [Fact]
    public async Task A_key_reused_for_another_command_on_the_same_grain_is_a_409()
    {
        using var coordinator = factory.Coordinator();
        var key = Guid.NewGuid().ToString();
        var created = await coordinator.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), key);

        var reused = await coordinator.PostJsonAsync($"{created.Headers.Location}/cancel", new { reason = "duplicate" }, key);

        var problem = await reused.ProblemAsync(409);
        Assert.Equal("Idempotency key reused", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unusable_key_is_a_field_error()
    {
        using var coordinator = factory.Coordinator();

        var problem = await (await coordinator.PostJsonAsync("/api/tasks", Scenario.TaskRequest(), new string('k', 200))).ProblemAsync(400);

        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
    }

    private sealed record IdOnly(string Id);

    private sealed record TitleOnly(string Title);

    private sealed record StatusOnly(string Status);
}
