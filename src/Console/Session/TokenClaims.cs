using System.Text;
using System.Text.Json;

namespace PolicingHub.Console.Session;

/// <summary>
/// What a token says about itself, read without checking its signature (the hub checks that): the role, agency and
/// expiry, so the console can say "expired" in words before asking the hub, and "not a token" for pasted garbage.
/// </summary>
public sealed record TokenClaims(string? Role, string? Agency, DateTimeOffset? ExpiresAt)
{
    public static TokenClaims? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            return null;
        }
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            var root = payload.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new TokenClaims(
                Text(root, "role"),
                Text(root, "agency"),
                root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => string.Empty, _ => throw new FormatException("bad base64url") };
        return Convert.FromBase64String(padded);
    }
}
