using System.Text;

namespace PolicingHub.Console.Tests.Support;

/// <summary>Unsigned JWT-shaped tokens with the claims the console reads (the stub hub decides whether it accepts them).</summary>
public static class Tokens
{
    public static string With(string role, string? agency, DateTimeOffset expires)
    {
        var agencyClaim = agency is null ? string.Empty : $",\"agency\":\"{agency}\"";
        return $"{Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{Part($"{{\"sub\":\"desk\",\"role\":\"{role}\"{agencyClaim},\"exp\":{expires.ToUnixTimeSeconds()}}}")}.c2ln";
    }

    public static string MeJson(string role, string? agency) =>
        $"{{\"subject\":\"desk\",\"role\":\"{role}\",\"agency\":{(agency is null ? "null" : $"\"{agency}\"")},\"expiresAt\":\"2099-01-01T00:00:00Z\"}}";

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
