using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>
/// Who did what, from the log alone (DESIGN §4.6): a refused command is one audit.command-refused on "audit/refusals";
/// an accepted one is the command.accepted record its grain appended with its events; reads leave no trace.
/// </summary>
public sealed class AuditTests(AuditTests.Fixture fixture) : IClassFixture<AuditTests.Fixture>
{
    private GatewayFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_command_refused_403_by_its_policy_appends_one_audit_command_refused_and_nothing_else()
    {
        using var partner = Factory.Partner("JP-NPA", "desk-tokyo");

        var refusal = await RefusedAsync(partner, "/api/tasks", HttpJson.Serialize(Scenario.TaskRequest("T-REFUSED-0001")), 403);

        Assert.Equal(("desk-tokyo", ActorRole.Partner, (string?)"JP-NPA", "task.assign", (string?)"-", "403 Forbidden"),
            (refusal.Subject, refusal.Role, refusal.Agency, refusal.Action, refusal.Target, refusal.Outcome));
    }

    [Fact]
    public async Task A_command_refused_409_by_the_grain_appends_one_audit_command_refused_naming_its_target()
    {
        var task = await Factory.AssignTaskAsync();
        using var partner = Factory.Partner("JP-NPA", "desk-tokyo");

        var refusal = await RefusedAsync(partner, $"/api/tasks/{task}/complete", """{"outcome":"done"}""", 409);

        Assert.Equal(("desk-tokyo", ActorRole.Partner, (string?)"JP-NPA", "task.complete", (string?)task, "409 Invalid transition"),
            (refusal.Subject, refusal.Role, refusal.Agency, refusal.Action, refusal.Target, refusal.Outcome));
    }

    [Fact]
    public async Task A_command_refused_400_by_a_domain_rule_appends_one_audit_command_refused_naming_the_id_it_would_have_created()
    {
        var id = Scenario.NewTaskId();
        var request = Scenario.TaskRequest(id);
        request["assignee"] = "CA-RCMP"; // not a party to the KR–JP MOU
        using var coordinator = Factory.Coordinator("coordinator-audit");

        var refusal = await RefusedAsync(coordinator, "/api/tasks", HttpJson.Serialize(request), 400);

        Assert.Equal(("coordinator-audit", ActorRole.Coordinator, (string?)null, "task.assign", (string?)id, "400 Invalid command"),
            (refusal.Subject, refusal.Role, refusal.Agency, refusal.Action, refusal.Target, refusal.Outcome));
    }

    [Fact]
    public async Task An_accepted_command_is_audited_by_the_command_accepted_record_appended_with_its_events_and_reads_are_not()
    {
        var task = await Factory.AssignTaskAsync();
        using var japan = Factory.Partner("JP-NPA", "desk-tokyo");
        var before = await HubState.ReadAsync(Factory);

        await japan.GetStringAsync($"/api/tasks/{task}");
        await japan.GetStringAsync("/api/tasks");
        var afterReads = await HubState.ReadAsync(Factory);
        (await japan.PostJsonAsync($"/api/tasks/{task}/acknowledge", new { officer = "Insp. Duty", eta = DateTimeOffset.UtcNow.AddDays(1) }))
            .EnsureSuccessStatusCode();

        var reads = afterReads.Since(before);
        Assert.Equal((0, 0, 0), (reads.DomainEvents, reads.Accepted.Count, reads.Refusals.Count));
        var added = (await HubState.ReadAsync(Factory)).Since(afterReads);
        Assert.Equal(
            [($"task/{task}", "task.acknowledged"), ($"task/{task}", CommandAccepted.TypeName)],
            added.Events.Where(e => !e.Stream.StartsWith("audit/", StringComparison.Ordinal)).Select(e => (e.Stream, e.Type)));
        var (envelope, record) = Assert.Single(added.Accepted);
        Assert.Equal(("Acknowledge", "desk-tokyo", ActorRole.Partner, (string?)"JP-NPA"), (record.Command, record.Subject, record.Role, record.Agency));
        Assert.StartsWith("desk-tokyo\ngateway ", record.IdempotencyKey); // sent without a key: the one the gateway made for its retries
        Assert.Equal(added.Events.Single(e => e.Type == "task.acknowledged").Position + 1, envelope.Position);
    }

    [Fact]
    public async Task A_coordinators_command_is_recorded_with_its_subject_and_role_and_no_agency()
    {
        using var coordinator = Factory.Coordinator("coordinator-audit");
        var before = await HubState.ReadAsync(Factory);

        var task = (await (await coordinator.PostJsonAsync("/api/tasks", Scenario.TaskRequest())).ReadAsync<IdOnly>()).Id;

        var (envelope, record) = Assert.Single((await HubState.ReadAsync(Factory)).Since(before).Accepted);
        Assert.Equal(($"task/{task}", "Assign", "coordinator-audit", ActorRole.Coordinator, (string?)null),
            (envelope.Stream, record.Command, record.Subject, record.Role, record.Agency));
    }

    [Fact]
    public async Task The_audit_chain_verifies_on_an_untouched_log_and_seals_it_up_to_the_last_event()
    {
        using var coordinator = Factory.Coordinator();
        for (var i = 0; i < 3; i++)
        {
            await Factory.AssignTaskAsync();
        }
        await coordinator.PostJsonAsync("/api/agreements/MOU-KR-JP-2026/suspend", new { reason = "review" });
        await coordinator.PostJsonAsync("/api/agreements/MOU-KR-JP-2026/resume", new { });

        var verification = await coordinator.GetAsync<AuditVerification>("/api/audit/verify");

        var log = await HubState.ReadAsync(Factory);
        var seal = log.Events[^1];
        Assert.Equal(("audit/seals", "audit.sealed"), (seal.Stream, seal.Type));
        Assert.Equal(
            (true, seal.Position, seal.Position - 1, (long?)null, (long?)null),
            (verification.Valid, verification.EventsChecked, verification.SealedUpTo, verification.BrokenAfter, verification.BrokenAt));
        Assert.Equal(log.Events.Count(e => e.Type == "audit.sealed"), verification.SealsChecked);
    }

    /// <summary>Sends the command, checks the problem status, and returns the one refusal it appended (nothing else was).</summary>
    private async Task<Grains.Audit.Events.CommandRefused> RefusedAsync(HttpClient client, string url, string body, int status)
    {
        var before = await HubState.ReadAsync(Factory);

        await (await client.PostRawAsync(url, body)).ProblemAsync(status);

        var added = (await HubState.ReadAsync(Factory)).Since(before);
        Assert.Equal((0, 0), (added.DomainEvents, added.Accepted.Count));
        var envelope = Assert.Single(added.Events, e => e.Stream != HubState.SealsStream);
        Assert.Equal((HubState.RefusalsStream, "audit.command-refused"), (envelope.Stream, envelope.Type));
        return Assert.Single(added.Refusals);
    }

    private sealed record IdOnly(string Id);

    /// <summary>One host with the demo; the background sealer is slowed so each test decides when the log is sealed.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public GatewayFactory Factory { get; } = new() { Settings = { ["PolicingHub:Audit:SealInterval"] = "01:00:00" } };

        public Task InitializeAsync() => Factory.SeedDemoAsync();

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }
}
