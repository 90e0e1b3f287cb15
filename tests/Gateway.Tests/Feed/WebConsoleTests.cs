using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Feed;

public sealed class WebConsoleTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly GatewayFactory _factory = factory;

    [Fact]
    public async Task The_web_console_page_is_served_at_the_root_without_a_token()
    {
        using var http = _factory.CreateClient();

        var page = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"lib/signalr.min.js\"></script>", html);
        Assert.Contains("<script src=\"console.js\"></script>", html);
    }

    [Theory]
    [InlineData("/console.js", "connection.invoke(\"Subscribe\"")]
    [InlineData("/lib/signalr.min.js", "HubConnectionBuilder")]
    public async Task The_console_scripts_are_served_as_javascript(string path, string content)
    {
        using var http = _factory.CreateClient();

        var script = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await script.Content.ReadAsStringAsync());
    }
}
