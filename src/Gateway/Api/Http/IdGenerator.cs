using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Ids for created agreements and tasks. With an Idempotency-Key the random part is derived from the subject and key,
/// so a retried create names the same grain and the runtime replays its first outcome.
/// </summary>
internal static class IdGenerator
{
    /// <summary>"MOU-" and 8 hex digits.</summary>
    public static string AgreementId(string subject, string? idempotencyKey) => $"MOU-{Hex(8, subject, idempotencyKey)}";

    /// <summary>"T-", the UTC date as yyyyMMdd, "-" and 6 hex digits.</summary>
    public static string TaskId(DateTimeOffset now, string subject, string? idempotencyKey) =>
        $"T-{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Hex(6, subject, idempotencyKey)}";

    private static string Hex(int digits, string subject, string? idempotencyKey) => idempotencyKey is null
        ? RandomNumberGenerator.GetHexString(digits)
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n{idempotencyKey}")))[..digits];
}
