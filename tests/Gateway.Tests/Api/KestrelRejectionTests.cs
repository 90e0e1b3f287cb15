using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>
/// Requests Kestrel rejects before the application runs, sent over a raw socket to the real Program on real Kestrel:
/// they still answer ProblemDetails (RejectedRequestProblems), and well-formed requests on the same listener are untouched.
/// </summary>
public sealed class KestrelRejectionTests : IAsyncLifetime
{
    private readonly int _port = FreePorts.Next();
    private readonly GatewayFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.UseKestrel(_port);
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("GET /api/agencies/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "Bad Request")]
    [InlineData("GET /api/agencies HTTP/1.1\r\nHost: localhost\r\nthis line has no colon\r\n\r\n", 400, "Bad Request")]
    [InlineData("GET /api/agencies HTTP/1.1\r\nHost: local host\r\n\r\n", 400, "Bad Request")]
    [InlineData("G@T /api/agencies HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "Bad Request")]
    [InlineData("GET /api/agencies HTTP/1.1\r\n\r\n", 400, "Bad Request")]
    public async Task A_request_Kestrel_rejects_before_the_app_still_answers_a_problem(string request, int status, string title)
    {
        var response = await SendAsync(request);

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal((status, title), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()));
        Assert.StartsWith("The server refused the request before reading it", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_line_over_Kestrels_limit_answers_a_414_problem()
    {
        var response = await SendAsync($"GET /api/{new string('a', 10_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.Equal(414, response.Status);
        Assert.Equal("URI Too Long", JsonDocument.Parse(response.Body).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Well_formed_requests_on_one_connection_get_the_apps_own_answers_unchanged()
    {
        var response = await SendAsync("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/agencies HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("7\r\nHealthy\r\n0\r\n\r\n", response.Body, StringComparison.Ordinal); // chunked, as the app wrote it
        var second = response.Body[response.Body.IndexOf("HTTP/1.1 ", StringComparison.Ordinal)..];
        Assert.StartsWith("HTTP/1.1 401 Unauthorized\r\n", second, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/problem+json", second, StringComparison.Ordinal);
    }

    /// <summary>Writes the raw bytes, then reads until the server closes the connection (bounded).</summary>
    private async Task<RawResponse> SendAsync(string request)
    {
        using var client = new TcpClient();
        using var limit = new CancellationTokenSource(Eventually.Limit);
        await client.ConnectAsync("127.0.0.1", _port, limit.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), limit.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, limit.Token);
        return RawResponse.Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private sealed record RawResponse(int Status, string[] Headers, string Body)
    {
        public static RawResponse Parse(string text)
        {
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(end > 0, $"no header block in: {text}");
            var lines = text[..end].Split("\r\n");
            return new RawResponse(int.Parse(lines[0].AsSpan(9, 3), provider: null), lines[1..], text[(end + 4)..]);
        }

        public string? Header(string name) => Headers
            .Where(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))
            .Select(h => h[(name.Length + 2)..]).SingleOrDefault();
    }
}
