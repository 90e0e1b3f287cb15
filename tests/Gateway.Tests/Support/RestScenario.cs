using System.Net;
using System.Text.Json;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>
/// Commands over REST for tests that need fresh agencies of their own (shared hosts keep counts apart this way): a
/// coordinator registers agencies with unique codes and puts an active MOU in force between them; partners of the
/// assignee take tasks through their steps. Every call asserts its success status.
/// </summary>
public sealed class RestScenario(GatewayFactory factory) : IDisposable
{
    private readonly HttpClient _coordinator = factory.Coordinator("coordinator-rest");

    public HttpClient Coordinator => _coordinator;

    /// <summary>Registers one agency per country given (e.g. "KR", "JP") with a fresh code like KR-R1A2B3C.</summary>
    public async Task<string[]> AgenciesAsync(params string[] countries)
    {
        var suffix = "R" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var codes = countries.Select(c => $"{c}-{suffix}").ToArray();
        foreach (var code in codes)
        {
            await Expect(HttpStatusCode.Created, _coordinator.PostJsonAsync("/api/agencies",
                new { code, name = $"Agency {code}", homeRegion = "ap-northeast", languages = new[] { "en" } }));
        }
        return codes;
    }

    /// <summary>Drafts, signs and activates an MOU between <paramref name="parties"/> covering cyberspace (urgent: acknowledge in 8 h, answer in 3 days).</summary>
    public async Task<string> ActiveAgreementAsync(params string[] parties)
    {
        var id = $"MOU-{parties[0][3..]}-{parties.Length}";
        await Expect(HttpStatusCode.Created, _coordinator.PostJsonAsync("/api/agreements", new
        {
            id,
            title = $"MOU between {string.Join(", ", parties)}",
            parties,
            areas = new[] { "Cyberspace", "Drugs" },
            responseClauses = new[] { new { area = "Cyberspace", priority = "Urgent", acknowledgeWithin = "PT8H", answerWithin = "P3D" } },
        }));
        await Expect(HttpStatusCode.OK, _coordinator.PostJsonAsync($"/api/agreements/{id}/sign", new
        {
            signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)), // before any domain clock a test sets
            signatories = parties.Select(p => new { agency = p, name = $"Chief of {p}", title = "Commissioner" }).ToArray(),
        }));
        await Expect(HttpStatusCode.OK, _coordinator.PostJsonAsync($"/api/agreements/{id}/activate", new { }));
        return id;
    }

    public async Task<string> AssignAsync(string id, string agreement, string requester, string assignee, DateTimeOffset? deadline = null)
    {
        await Expect(HttpStatusCode.Created, _coordinator.PostJsonAsync("/api/tasks", new
        {
            id,
            agreement,
            requestingAgency = requester,
            assignee,
            kind = "InformationRequest",
            area = "Cyberspace",
            priority = "Urgent",
            handling = "Amber",
            title = $"Request {id}",
            description = "Hosting records.",
            deadline,
        }));
        return id;
    }

    /// <summary>The assignee's partner acknowledges, accepts and (when <paramref name="complete"/>) completes the task.</summary>
    public async Task AnswerAsync(string task, string assignee, bool complete = true)
    {
        using var partner = factory.Partner(assignee);
        await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/tasks/{task}/acknowledge", new { officer = "Insp. Duty", eta = DateTimeOffset.UtcNow.AddDays(1) }));
        await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/tasks/{task}/accept", new { }));
        if (complete)
        {
            await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Records shared" }));
        }
    }

    public async Task CompleteAsync(string task, string assignee)
    {
        using var partner = factory.Partner(assignee);
        await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Records shared" }));
    }

    public async Task AcknowledgeAsync(string task, string assignee)
    {
        using var partner = factory.Partner(assignee);
        await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/tasks/{task}/acknowledge", new { officer = "Insp. Duty", eta = DateTimeOffset.UtcNow.AddDays(1) }));
    }

    public async Task DeclineAsync(string task, string assignee)
    {
        using var partner = factory.Partner(assignee);
        await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/tasks/{task}/decline", new { reason = "No jurisdiction" }));
    }

    public Task CancelAsync(string task) =>
        Expect(HttpStatusCode.OK, _coordinator.PostJsonAsync($"/api/tasks/{task}/cancel", new { reason = "Withdrawn by the requester" }));

    public Task ReassignAsync(string task, string assignee) =>
        Expect(HttpStatusCode.OK, _coordinator.PostJsonAsync($"/api/tasks/{task}/reassign", new { assignee, reason = "Suspect moved" }));

    /// <summary>Adds a commitment; returns its number.</summary>
    public async Task<int> AddCommitmentAsync(string agreement, string responsibleParty, DateTimeOffset dueAt)
    {
        var created = await Expect(HttpStatusCode.Created, _coordinator.PostJsonAsync($"/api/agreements/{agreement}/commitments",
            new { area = "Drugs", text = "Share precursor seizure data", responsibleParty, dueAt }));
        return created.GetProperty("number").GetInt32();
    }

    public async Task FulfilAsync(string agreement, int commitment, string responsibleParty)
    {
        using var partner = factory.Partner(responsibleParty);
        await Expect(HttpStatusCode.OK, partner.PostJsonAsync($"/api/agreements/{agreement}/commitments/{commitment}/fulfil", new { note = "Data shared" }));
    }

    public Task WaiveAsync(string agreement, int commitment) =>
        Expect(HttpStatusCode.OK, _coordinator.PostJsonAsync($"/api/agreements/{agreement}/commitments/{commitment}/waive", new { reason = "Superseded" }));

    public Task TerminateAsync(string agreement) =>
        Expect(HttpStatusCode.OK, _coordinator.PostJsonAsync($"/api/agreements/{agreement}/terminate", new { reason = "Ended by the parties" }));

    public void Dispose() => _coordinator.Dispose();

    private static async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
