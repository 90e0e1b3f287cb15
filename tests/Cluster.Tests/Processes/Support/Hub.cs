using System.Net.Http.Json;
using System.Text.Json;

namespace PolicingHub.Cluster.Tests.Processes.Support;

/// <summary>REST calls the cluster tests make, as a coordinator or operator.</summary>
public static class Hub
{
    public static async Task RegisterAsync(this HttpClient client, string code, string homeRegion)
    {
        using var response = await client.PostAsJsonAsync("/api/agencies", new { code, name = $"{code} (cluster test)", homeRegion, languages = new[] { "en" } });
        Assert.True(response.IsSuccessStatusCode, $"registering {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> ReadinessAsync(this HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/agencies/{code}")).GetProperty("status").GetProperty("readiness").GetString()!;

    /// <summary>The readiness an agency.status-changed event carries (the enum by name or by number).</summary>
    public static string ReadinessOf(JsonElement consoleEvent)
    {
        var value = consoleEvent.GetProperty("data").GetProperty("status").GetProperty("readiness");
        return value.ValueKind == JsonValueKind.Number ? ((Grains.Model.Readiness)value.GetInt32()).ToString() : value.GetString()!;
    }
}
