using System.Net;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class WorkflowTests
{
    [Fact]
    public async Task A_coordinator_and_a_partner_take_an_agreement_and_a_task_through_their_lifecycles_over_REST()
    {
        await using var factory = new GatewayFactory();
        using var hub = factory.Coordinator();
        using var australia = factory.Partner("AU-AFP", "desk-canberra");

        foreach (var (code, name) in new[] { ("KR-KNPA", "Korean National Police Agency"), ("AU-AFP", "Australian Federal Police") })
        {
            var registered = await hub.PostJsonAsync("/api/agencies", new { code, name, homeRegion = "ap-southeast", languages = new[] { "en" } });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            Assert.Equal($"/api/agencies/{code}", registered.Headers.Location!.OriginalString);
        }
        var drafted = await hub.PostJsonAsync("/api/agreements", new
        {
            title = "MOU on cyber cooperation",
            parties = new[] { "KR-KNPA", "AU-AFP" },
            areas = new[] { "Cyberspace", "Drugs" },
            responseClauses = new[] { new { area = "Cyberspace", priority = "Urgent", acknowledgeWithin = "PT8H", answerWithin = "3.00:00:00" } },
        });
        var agreement = await drafted.ReadAsync<AgreementDetails>();
        Assert.Matches("^MOU-[0-9A-F]{16}$", agreement.Id.Value);
        Assert.Equal(TimeSpan.FromHours(8), agreement.ResponseClauses.Single().AcknowledgeWithin);
        var path = $"/api/agreements/{agreement.Id}";

        await hub.PostJsonAsync($"{path}/sign", new
        {
            signedOn = "2026-11-20",
            signatories = new[] { new { agency = "KR-KNPA", name = "A", title = "Commissioner General" }, new { agency = "AU-AFP", name = "B", title = "Commissioner" } },
        });
        Assert.Equal(AgreementStatus.Active, (await (await hub.PostJsonAsync($"{path}/activate", new { })).ReadAsync<AgreementDetails>()).Status);
        var commitment = await (await hub.PostJsonAsync($"{path}/commitments",
            new { area = "Drugs", text = "Share precursor seizure data", responsibleParty = "AU-AFP", dueAt = DateTimeOffset.UtcNow.AddDays(20) }))
            .ReadAsync<CommitmentView>();
        await (await australia.PostJsonAsync($"{path}/commitments/{commitment.Number}/progress", new { note = "First batch sent" })).ReadAsync<CommitmentView>();
        Assert.Equal(CommitmentStatus.Fulfilled,
            (await (await australia.PostJsonAsync($"{path}/commitments/{commitment.Number}/fulfil", new { })).ReadAsync<CommitmentView>()).Status);

        var task = await (await hub.PostJsonAsync("/api/tasks", new
        {
            agreement = agreement.Id.Value, requestingAgency = "KR-KNPA", assignee = "AU-AFP", kind = "InformationRequest",
            area = "Cyberspace", priority = "Urgent", handling = "AmberStrict", title = "Botnet C2 servers", description = "Two IPs in Sydney.",
        })).ReadAsync<TaskView>();
        Assert.Matches($"^T-{DateTime.UtcNow:yyyyMMdd}-[0-9A-F]{{16}}$", task.Id.Value);
        var steps = new (string Verb, object Body, CooperationTaskStatus Status)[]
        {
            ("acknowledge", new { officer = "Sgt. Lee", eta = DateTimeOffset.UtcNow.AddDays(2) }, CooperationTaskStatus.Acknowledged),
            ("accept", new { }, CooperationTaskStatus.Accepted),
            ("updates", new { text = "Servers imaged" }, CooperationTaskStatus.InProgress),
            ("complete", new { outcome = "Images shared" }, CooperationTaskStatus.Completed),
        };
        foreach (var (verb, body, status) in steps)
        {
            Assert.Equal(status, (await (await australia.PostJsonAsync($"/api/tasks/{task.Id}/{verb}", body)).ReadAsync<TaskView>()).Status);
        }

        var scorecard = await australia.GetAsync<Scorecard>($"{path}/scorecard");
        var agency = await australia.GetAsync<AgencyView>("/api/agencies/AU-AFP");
        Assert.Equal(1, scorecard.Parties.Single(p => p.Agency.Value == "AU-AFP").RequestsAnswered);
        Assert.Empty(agency.OpenTasks);
        Assert.Equal(Readiness.Elevated, (await (await australia.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, "/api/agencies/AU-AFP/readiness") { Content = JsonBody(new { readiness = "Elevated" }) }))
            .ReadAsync<AgencyView>()).Status.Readiness);
        await (await hub.PostJsonAsync($"{path}/suspend", new { reason = "Review" })).ReadAsync<AgreementDetails>();
        var resumed = await hub.PostAsync($"{path}/resume", content: null);
        Assert.Equal(AgreementStatus.Active, (await resumed.ReadAsync<AgreementDetails>()).Status);
        Assert.True((await hub.GetAsync<Grains.Audit.AuditVerification>("/api/audit/verify")).Valid);
    }

    private static StringContent JsonBody(object body) => new(HttpJson.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
