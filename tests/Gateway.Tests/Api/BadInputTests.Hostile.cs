using System.Net;
using System.Text.Json;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>Hostile text and dates: whole-string ids, control and bidi characters, the date window, and no 500 for any of it.</summary>
public sealed partial class BadInputTests
{
    [Fact]
    public async Task An_id_with_a_trailing_newline_is_refused_and_nothing_is_saved()
    {
        var problem = await RefusedAsync(400, "/api/agencies",
            HttpJson.Serialize(new { code = "KR-NEWLINE\n", name = "Agency", homeRegion = "ap-northeast", languages = new[] { "en" } }), audited: true);

        Assert.Equal(["code"], problem.ErrorFields());
        using var coordinator = factory.Coordinator();
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/agencies/KR-NEWLINE")).StatusCode);
    }

    [Fact]
    public async Task A_route_id_with_a_trailing_newline_is_a_field_error() =>
        Assert.Equal(["id"], (await RefusedAsync(400, "/api/tasks/T-TEST-0001%0A/cancel", "{\"reason\":\"r\"}", audited: true)).ErrorFields());

    [Theory]
    [InlineData("title", "Phishing\u0000kit")]
    [InlineData("title", "Phishing\u0007kit")]
    [InlineData("title", "Phishing\nkit")]
    [InlineData("title", "kit\u202Egnihsihp")]
    [InlineData("title", "kit\u2066isolate")]
    [InlineData("description", "Hosting\u0000records")]
    [InlineData("description", "records \u202Eesrever")]
    public async Task Control_and_bidi_override_characters_in_text_are_refused(string field, string value)
    {
        var request = Scenario.TaskRequest(Scenario.NewTaskId());
        request[field] = value;

        var problem = await RefusedAsync(400, "/api/tasks", HttpJson.Serialize(request), audited: true);

        Assert.Equal([field], problem.ErrorFields());
        Assert.DoesNotContain(value, problem.GetRawText(), StringComparison.Ordinal); // never echoed back
    }

    [Fact]
    public async Task A_multi_line_description_with_line_breaks_and_tabs_is_accepted()
    {
        var request = Scenario.TaskRequest(Scenario.NewTaskId());
        request["description"] = "Hosting records:\n\t- domain one\r\n\t- domain two";
        using var coordinator = factory.Coordinator();

        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostJsonAsync("/api/tasks", request)).StatusCode);
    }

    [Theory]
    [InlineData("/api/tasks", "deadline", "9999-12-31T00:00:00Z")]
    [InlineData("/api/tasks", "deadline", "1999-12-31T23:59:59Z")]
    [InlineData("/api/agreements/MOU-KR-JP-2026/commitments", "dueAt", "9999-01-01T00:00:00Z")]
    [InlineData("/api/agreements/MOU-KR-JP-2026/sign", "signedOn", "0001-01-01")]
    [InlineData("/api/agreements", "expiresOn", "9999-12-31")]
    public async Task Dates_outside_2000_to_ten_years_ahead_are_refused(string url, string field, string value)
    {
        var body = url switch
        {
            "/api/tasks" => Scenario.TaskRequest(Scenario.NewTaskId()),
            "/api/agreements" => new Dictionary<string, object?>
            {
                ["title"] = "MOU", ["parties"] = new[] { "KR-KNPA", "JP-NPA" }, ["areas"] = new[] { "Drugs" },
            },
            _ when url.EndsWith("/sign", StringComparison.Ordinal) => new Dictionary<string, object?>
            {
                ["signatories"] = new[] { new { agency = "KR-KNPA", name = "Chief", title = "Commissioner" } },
            },
            _ => new Dictionary<string, object?> { ["area"] = "Drugs", ["text"] = "Share data", ["responsibleParty"] = "JP-NPA" },
        };
        body[field] = value;

        var problem = await RefusedAsync(400, url, HttpJson.Serialize(body), audited: true);

        Assert.Equal([field], problem.ErrorFields());
    }

    /// <summary>Values no field of a task assignment accepts: each replaces one field in turn.</summary>
    /// <summary>Sent as the JSON escape \ud800 (a client's serializer would replace a real lone surrogate).</summary>
    private const string LoneSurrogate = "LONE-SURROGATE";

    private static readonly string[] Hostile =
    [
        "\u0000", "x\u000Bx", "\u202E", LoneSurrogate, new string('a', 5000), "123", "[]", "{}", "true", "next-line\u0085",
    ];

    [Fact]
    public async Task No_hostile_value_in_any_field_of_a_task_assignment_produces_a_500_or_changes_anything()
    {
        using var coordinator = factory.Coordinator();
        var before = await HubState.ReadAsync(factory);
        var statuses = new List<string>();
        foreach (var field in Scenario.TaskRequest().Keys)
        {
            foreach (var value in Hostile)
            {
                var request = Scenario.TaskRequest(Scenario.NewTaskId()).ToDictionary(p => p.Key, p => (object?)p.Value);
                request[field] = value is "123" or "[]" or "{}" or "true" ? JsonDocument.Parse(value).RootElement : value;
                using var response = await coordinator.PostRawAsync("/api/tasks",
                    HttpJson.Serialize(request).Replace($"\"{LoneSurrogate}\"", "\"\\ud800\"", StringComparison.Ordinal));
                statuses.Add($"{field}={(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.All(statuses, s => Assert.EndsWith("=400 application/problem+json", s));
        Assert.Equal(0, (await HubState.ReadAsync(factory)).Since(before).DomainEvents);
    }
}
