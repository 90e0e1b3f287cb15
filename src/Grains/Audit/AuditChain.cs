using System.Security.Cryptography;
using System.Text;

namespace PolicingHub.Grains.Audit;

/// <summary>The hash chain: SHA-256 over "{previousHash}\n{sequence}\n{entryJson}", lowercase hex; the first entry follows 64 zeros.</summary>
internal static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(string previousHash, long sequence, string entryJson)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previousHash}\n{sequence}\n{entryJson}")));
}
