using System.Net;
using System.Text;
using System.Text.Json;

namespace PolicingHub.Browser.Tests.Support;

/// <summary>The REST calls the tests set the scene with, as a coordinator, over the network.</summary>
public static class Api
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> PostAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task RegisterAgencyAsync(this HttpClient hub, string code, string name) =>
        hub.PostAsync("/api/agencies", new { code, name, homeRegion = "ap-northeast", languages = new[] { "en" } }, HttpStatusCode.Created);

    /// <summary>Drafts, signs and activates a two-party MOU covering cyberspace with a response clause for urgent requests.</summary>
    public static async Task ActiveAgreementAsync(this HttpClient hub, string id, string first, string second)
    {
        await hub.PostAsync("/api/agreements", new
        {
            id,
            title = $"MOU {first}–{second} on cyber cooperation",
            parties = new[] { first, second },
            areas = new[] { "Cyberspace", "Drugs" },
            responseClauses = new[] { new { area = "Cyberspace", priority = "Urgent", acknowledgeWithin = "PT8H", answerWithin = "P3D" } },
        }, HttpStatusCode.Created);
        await hub.PostAsync($"/api/agreements/{id}/sign", new
        {
            signedOn = "2026-11-20",
            signatories = new[] { new { agency = first, name = "A. Signer", title = "Commissioner" }, new { agency = second, name = "B. Signer", title = "Commissioner" } },
        });
        var activated = await hub.PostAsync($"/api/agreements/{id}/activate", new { });
        Assert.Equal("Active", activated.GetProperty("status").GetString());
    }

    /// <summary>Assigns an urgent cyberspace information request under <paramref name="agreement"/>; returns the task id.</summary>
    public static async Task<string> AssignTaskAsync(this HttpClient hub, string agreement, string requester, string assignee, string handling)
    {
        var id = $"T-TEST-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";
        await hub.PostAsync("/api/tasks", new
        {
            id,
            agreement,
            requestingAgency = requester,
            assignee,
            kind = "InformationRequest",
            area = "Cyberspace",
            priority = "Urgent",
            handling,
            title = "Phishing kit infrastructure",
            description = "Hosting records for three domains.",
        }, HttpStatusCode.Created);
        return id;
    }

    public static Task AddCommitmentAsync(this HttpClient hub, string agreement, string responsibleParty, string text) =>
        hub.PostAsync($"/api/agreements/{agreement}/commitments",
            new { area = "Drugs", text, responsibleParty, dueAt = DateTimeOffset.UtcNow.AddDays(20) }, HttpStatusCode.Created);
}
