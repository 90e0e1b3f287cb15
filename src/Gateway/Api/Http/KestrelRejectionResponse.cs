using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Recognizes the response Kestrel writes by itself when it rejects a request before the application runs (a malformed
/// request line or target such as <c>%00</c> in the path, a malformed header, a request line or headers over the
/// limits): an HTTP/1.x error status with <c>Content-Length: 0</c> and no body, and none of the headers every response
/// of the application carries (<c>X-Content-Type-Options</c>, see SecurityHeadersMiddleware). Such a response is
/// rewritten into the same status with an RFC 7807 problem body; anything else is left alone.
/// </summary>
internal static class KestrelRejectionResponse
{
    private const string Detail = "The server refused the request before reading it: its request line, target (e.g. %00 in the path), "
        + "headers or framing are malformed or over the limits.";

    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The rewritten response when <paramref name="response"/> is exactly one of Kestrel's own bodiless rejections; else null.</summary>
    public static byte[]? TryRewrite(ReadOnlySpan<byte> response)
    {
        // "HTTP/1.1 400 …\r\n…\r\n\r\n" and nothing after the header block.
        if (response.Length < 16 || !response.StartsWith("HTTP/1."u8) || response[8] != (byte)' '
            || response[9] is < (byte)'4' or > (byte)'5' || response.IndexOf(HeaderEnd) != response.Length - HeaderEnd.Length)
        {
            return null;
        }
        var head = Encoding.Latin1.GetString(response[..^HeaderEnd.Length]);
        var lines = head.Split("\r\n");
        if (!int.TryParse(lines[0].AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || !lines.Contains("Content-Length: 0", StringComparer.OrdinalIgnoreCase)
            || lines.Any(l => l.StartsWith("X-Content-Type-Options:", StringComparison.OrdinalIgnoreCase)
                || l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(new ProblemBody(ReasonPhrases.GetReasonPhrase(status), status, Detail), ProblemBody.Json);
        var rewritten = new StringBuilder(head.Length + 128);
        rewritten.Append(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            rewritten.Append(line).Append("\r\n");
        }
        rewritten.Append("Content-Type: application/problem+json\r\n")
            .Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(rewritten.ToString()), .. body];
    }

    private sealed record ProblemBody(string Title, int Status, string Detail)
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    }
}
