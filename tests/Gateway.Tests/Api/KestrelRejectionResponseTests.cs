using System.Text;
using PolicingHub.Gateway.Api.Http;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>Which responses get a problem body: only Kestrel's own bodiless rejections, never a response of the application.</summary>
public sealed class KestrelRejectionResponseTests
{
    [Fact]
    public void Kestrels_bodiless_400_gets_a_problem_body_with_its_status_and_keeps_its_other_headers()
    {
        var rewritten = KestrelRejectionResponse.TryRewrite(Bytes(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Thu, 26 Nov 2026 19:00:00 GMT\r\nServer: Kestrel\r\n\r\n"));

        var text = Encoding.Latin1.GetString(rewritten!);
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nDate: Thu, 26 Nov 2026 19:00:00 GMT\r\nServer: Kestrel\r\n"
            + $"Content-Type: application/problem+json\r\nContent-Length: {body.Length}\r\nX-Content-Type-Options: nosniff\r\n\r\n{{\"title\":\"Bad Request\",\"status\":400,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\n\r\n")] // the app's (security headers)
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")] // has a body
    [InlineData("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n")] // not bodiless
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")] // not an error
    [InlineData("\0\0\u0004\u0008\0\0\0\0\0")] // HTTP/2 frames
    public void Any_other_response_is_left_alone(string response) => Assert.Null(KestrelRejectionResponse.TryRewrite(Bytes(response)));

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
