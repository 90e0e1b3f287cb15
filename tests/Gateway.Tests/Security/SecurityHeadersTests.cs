using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Security;

/// <summary>Every response carries the security headers (pages, API answers, errors, the dashboard, the hub's negotiate); CORS is closed unless configured.</summary>
public sealed class SecurityHeadersTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    [Theory]
    [InlineData("GET", "/", null, HttpStatusCode.OK)]
    [InlineData("GET", "/tasks", null, HttpStatusCode.OK)]
    [InlineData("GET", "/health", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/agencies", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/agencies", "coordinator", HttpStatusCode.OK)]
    [InlineData("GET", "/api/agencies/not-a-code", "coordinator", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/no-such-thing", "coordinator", HttpStatusCode.NotFound)]
    [InlineData("GET", "/dashboard/", "operator", HttpStatusCode.OK)]
    [InlineData("GET", "/metrics", "partner", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/hubs/console/negotiate?negotiateVersion=1", "partner", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string method, string url, string? role, HttpStatusCode status)
    {
        using var client = role switch
        {
            "coordinator" => factory.Coordinator(),
            "operator" => factory.Operator(),
            "partner" => await PartnerAsync(),
            _ => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
        };

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
        Assert.Null(Header(response, "Strict-Transport-Security")); // plain HTTP here; HSTS only over HTTPS
    }

    [Fact]
    public async Task A_cross_origin_preflight_gets_no_allow_origin_when_no_origin_is_configured()
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/agencies");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await client.SendAsync(preflight);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_listed_origin_is_allowed_and_any_other_is_not()
    {
        await using var open = new GatewayFactory { Settings = { ["PolicingHub:Cors:AllowedOrigins:0"] = "https://console.example.org" } };
        using var client = open.CreateClient();

        var listed = await PreflightAsync(client, "https://console.example.org");
        var other = await PreflightAsync(client, "https://elsewhere.example");

        Assert.Equal("https://console.example.org", Header(listed, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(listed, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
    }

    private async Task<HttpClient> PartnerAsync()
    {
        await factory.SeedDemoAsync();
        return factory.Partner("JP-NPA");
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/agencies");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        return await client.SendAsync(preflight);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
