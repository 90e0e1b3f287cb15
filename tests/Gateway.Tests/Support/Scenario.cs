using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Silo.Demo;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>Test data: the demo (agencies, two active MOUs, five tasks) and fresh tasks with unique ids.</summary>
public static class Scenario
{
    public const string KoreaJapan = "MOU-KR-JP-2026";
    public const string KoreaCanada = "MOU-KR-CA-2026";

    /// <summary>Loads the demo once per factory (idempotent).</summary>
    public static async Task SeedDemoAsync(this GatewayFactory factory) =>
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync();

    public static string NewTaskId() => $"T-TEST-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    /// <summary>A valid task assignment under the KR–JP MOU, assigned to JP-NPA.</summary>
    public static Dictionary<string, object?> TaskRequest(string? id = null, string handling = "Amber") => new()
    {
        ["id"] = id,
        ["agreement"] = KoreaJapan,
        ["requestingAgency"] = "KR-KNPA",
        ["assignee"] = "JP-NPA",
        ["kind"] = "InformationRequest",
        ["area"] = "Cyberspace",
        ["priority"] = "Urgent",
        ["handling"] = handling,
        ["title"] = "Phishing kit infrastructure",
        ["description"] = "Hosting records for three domains.",
    };

    /// <summary>Assigns a fresh task (as a coordinator) and returns its id.</summary>
    public static async Task<string> AssignTaskAsync(this GatewayFactory factory, string handling = "Amber")
    {
        var id = NewTaskId();
        using var coordinator = factory.Coordinator();
        var response = await coordinator.PostJsonAsync("/api/tasks", TaskRequest(id, handling));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return id;
    }
}
