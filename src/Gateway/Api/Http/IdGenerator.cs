using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Ids for created agreements and tasks: 64 random bits, so collisions stay negligible at any realistic volume. With an
/// Idempotency-Key the id is derived from the subject and key alone (no date), so a retried create — even across
/// midnight — names the same grain and the runtime replays its first outcome.
/// </summary>
internal static class IdGenerator
{
    private const int Digits = 16;

    /// <summary>"MOU-" and 16 hex digits.</summary>
    public static string AgreementId(string subject, string? idempotencyKey) => $"MOU-{Hex(subject, idempotencyKey)}";

    /// <summary>"T-", the UTC date as yyyyMMdd, "-" and 16 random hex digits; "T-K" and 16 hex digits of the key's hash with a key.</summary>
    public static string TaskId(DateTimeOffset now, string subject, string? idempotencyKey) => idempotencyKey is null
        ? $"T-{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Hex(subject, null)}"
        : $"T-K{Hex(subject, idempotencyKey)}";

    private static string Hex(string subject, string? idempotencyKey) => idempotencyKey is null
        ? RandomNumberGenerator.GetHexString(Digits)
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n{idempotencyKey}")))[..Digits];
}
