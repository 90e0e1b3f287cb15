using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.WebConsole;

/// <summary>The gateway serves the Blazor console at / and at its page paths, but never in place of the API, hub or operator surface.</summary>
public sealed class WebConsoleHostingTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/desk/tasks")]
    [InlineData("/hub/agreements")]
    public async Task The_console_page_is_served_without_a_token_at_the_root_and_at_its_page_paths_with_no_inline_script(string path)
    {
        using var http = factory.CreateClient();

        using var page = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"_framework/blazor.webassembly.js\"></script>", html);
        Assert.Equal(2, html.Split("<script").Length - 1);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task The_blazor_loader_is_served_as_javascript()
    {
        using var http = factory.CreateClient();

        using var script = await http.GetAsync("/_framework/blazor.webassembly.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/hubs/no-such-hub")]
    [InlineData("/dashboard/no-such-page")]
    public async Task Unknown_server_paths_answer_404_problem_details_not_the_console_page(string path)
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
