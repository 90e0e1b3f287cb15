using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PolicingHub.Process.Tests.Support;

/// <summary>The REST calls that set the scene, as a coordinator.</summary>
public static class HubApi
{
    public static async Task<JsonElement> Send(this HttpClient client, HttpMethod method, string url, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task ActiveAgreement(this HttpClient hub, string id, string first, string second)
    {
        foreach (var code in new[] { first, second })
        {
            await hub.Send(HttpMethod.Post, "/api/agencies", new { code, name = code + " (crash test)", homeRegion = "ap-northeast", languages = new[] { "en" } });
        }
        await hub.Send(HttpMethod.Post, "/api/agreements", new { id, title = "Crash-test MOU", parties = new[] { first, second }, areas = new[] { "Cyberspace" } });
        await hub.Send(HttpMethod.Post, $"/api/agreements/{id}/sign", new
        {
            signedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            signatories = new[] { new { agency = first, name = "A. Signer", title = "Commissioner" }, new { agency = second, name = "B. Signer", title = "Commissioner" } },
        });
        await hub.Send(HttpMethod.Post, $"/api/agreements/{id}/activate", new { });
    }

    public static object Assignment(string agreement, string requester, string assignee, int n) => new
    {
        agreement,
        requestingAgency = requester,
        assignee,
        kind = "InformationRequest",
        area = "Cyberspace",
        priority = "Urgent",
        handling = "Amber",
        title = $"Burst request {n}",
        description = "Sent during the crash test.",
    };

    public static async Task<(HttpStatusCode Status, string Body)> Assign(this HttpClient hub, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await hub.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string IdOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
}
