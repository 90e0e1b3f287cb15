using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>What operators use: /api/cluster from Orleans' membership, Prometheus metrics, Orleans' dashboard.</summary>
public sealed class OperationsTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.SeedDemoAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_cluster_view_shows_this_silo_active_on_its_own_silo_port_with_its_activations_and_no_case_content()
    {
        using var op = factory.Operator();

        var response = await op.GetAsync("/api/cluster");
        var cluster = await response.ReadAsync<JsonCluster>();

        var silo = Assert.Single(cluster.Silos);
        Assert.Equal(("Active", true), (silo.Status, silo.IsLocal));
        Assert.StartsWith($"S127.0.0.1:{factory.SiloPort}:", silo.Address, StringComparison.Ordinal);
        Assert.True(silo.Activations >= 11, $"{silo.Activations} activations after the demo (4 agencies, 2 agreements, 5 tasks)");
        Assert.True(cluster.MembershipVersion >= 1, $"membership version {cluster.MembershipVersion}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("T-DEMO", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MOU-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cluster_view_shows_the_silo_region_and_memory_and_where_each_agency_lives_against_its_home_region()
    {
        using var op = factory.Operator();

        var cluster = await op.GetAsync<JsonPlacement>("/api/cluster");

        var silo = Assert.Single(cluster.Silos);
        Assert.Equal("local", silo.Region); // PolicingHub:Region's default
        Assert.True(silo.MemoryUsageBytes > 0, $"memory in use {silo.MemoryUsageBytes}");
        var agencies = cluster.Agencies.Where(a => a.Agency is "KR-KNPA" or "CA-RCMP").OrderBy(a => a.Agency, StringComparer.Ordinal).ToArray();
        Assert.Equal(["CA-RCMP ca-central", "KR-KNPA ap-northeast"], agencies.Select(a => $"{a.Agency} {a.HomeRegion}"));
        Assert.All(agencies, a => Assert.False(a.AtHome)); // no silo in their regions: served by this one
        Assert.All(agencies.Where(a => a.Silo is not null), a => Assert.Equal((silo.Address, "local"), (a.Silo!, a.Region!)));
    }

    [Fact]
    public async Task Draining_or_stopping_a_silo_the_cluster_does_not_know_answers_404_and_a_partner_gets_403()
    {
        using var op = factory.Operator();
        using var partner = factory.Partner("JP-NPA");

        await (await op.PostAsync("/api/cluster/silos/S127.0.0.1:1:1/drain", null)).ProblemAsync(404);
        await (await op.PostAsync("/api/cluster/silos/S127.0.0.1:1:1/stop", null)).ProblemAsync(404);
        var silo = Assert.Single((await op.GetAsync<JsonCluster>("/api/cluster")).Silos).Address;
        await (await partner.PostAsync($"/api/cluster/silos/{silo}/drain", null)).ProblemAsync(403);
        Assert.Equal("Active", Assert.Single((await op.GetAsync<JsonCluster>("/api/cluster")).Silos).Status);
    }

    [Fact]
    public async Task A_coordinator_reads_the_cluster_view_too_and_a_partner_gets_403()
    {
        using var coordinator = factory.Coordinator();
        using var partner = factory.Partner("JP-NPA");

        Assert.Equal("Active", Assert.Single((await coordinator.GetAsync<JsonCluster>("/api/cluster")).Silos).Status);
        await (await partner.GetAsync("/api/cluster")).ProblemAsync(403);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("coordinator")]
    public async Task Metrics_are_served_to_operators_and_coordinators_in_Prometheus_text_with_Orleans_families(string role)
    {
        using var client = role == "operator" ? factory.Operator() : factory.Coordinator();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE orleans_catalog_activations gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE orleans_app_requests_latency_milliseconds histogram", text, StringComparison.Ordinal);
        Assert.DoesNotContain("T-DEMO", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_need_a_token_and_are_refused_to_partners()
    {
        using var partner = factory.Partner("JP-NPA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_answers_401_without_a_token_and_403_to_a_partner()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var partner = factory.Partner("JP-NPA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task An_operator_opening_the_dashboard_with_access_token_gets_an_http_only_cookie_and_a_redirect_without_the_token_then_the_page()
    {
        var token = factory.OperatorToken();
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var redirect = await browser.GetAsync($"/dashboard?access_token={token}");

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/dashboard/", redirect.Headers.Location?.OriginalString); // straight to the page, the token gone from the address
        var cookie = Assert.Single(redirect.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"ph_dashboard={token}; path=/dashboard; samesite=strict; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var dashboard = await browser.SendAsync(WithCookie("/dashboard/", token));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/")).StatusCode);
    }

    private static HttpRequestMessage WithCookie(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"ph_dashboard={token}");
        return request;
    }

    private sealed record JsonCluster(long MembershipVersion, JsonSilo[] Silos);

    private sealed record JsonSilo(string Address, string Name, string Status, bool IsLocal, int? Activations);

    private sealed record JsonPlacement(JsonLoadedSilo[] Silos, JsonAgencyPlacement[] Agencies);

    private sealed record JsonLoadedSilo(string Address, string? Region, long? MemoryUsageBytes);

    private sealed record JsonAgencyPlacement(string Agency, string HomeRegion, string? Silo, string? Region, bool AtHome);
}
