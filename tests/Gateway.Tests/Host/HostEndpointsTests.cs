using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog;
using PolicingHub.EventLog.InMemory;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Host;

public sealed class HostEndpointsTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Health_answers_anonymously()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_its_request_bodies()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/agencies", "/api/agreements/{id}/scorecard", "/api/agreements/{id}/commitments/{n}/fulfil",
            "/api/tasks/{id}/acknowledge", "/api/audit/verify", "/api/audit/checkpoints", "/api/cluster" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }
        Assert.True(paths.GetProperty("/api/tasks").GetProperty("post").TryGetProperty("requestBody", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("AssignTaskRequest", out _));
    }

    [Fact]
    public void The_test_host_runs_on_the_in_memory_profile_with_src_EventLogs_in_memory_log_as_log_and_doorbell()
    {
        var log = factory.Services.GetRequiredService<IEventLog>();

        Assert.IsType<InMemoryEventLog>(log);
        Assert.Same(log, factory.Services.GetRequiredService<IEventLogDoorbell>());
    }
}
