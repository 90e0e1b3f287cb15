using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PolicingHub.EventLog;

namespace PolicingHub.Grains.Audit;

/// <summary>
/// The keyed chain over the log: link(n) = HMAC-SHA256(key, link(n-1) ‖ position ‖ stream ‖ sequence ‖ type ‖ time ‖ data),
/// link(0) = 32 zero bytes. The data is the event's JSON exactly as stored, so rewriting any field of any event — or
/// dropping or inserting one — changes every later link; without the key no one can compute the links again.
/// </summary>
public sealed class AuditChain(AuditKey key)
{
    public static string Genesis { get; } = Convert.ToHexStringLower(new byte[32]);

    public string Next(string previous, EventEnvelope e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var hmac = new HMACSHA256(key.Bytes);
        Span<byte> number = stackalloc byte[8];
        hmac.TransformBlock(Convert.FromHexString(previous), 0, 32, null, 0);
        BinaryPrimitives.WriteInt64BigEndian(number, e.Position);
        Block(hmac, number.ToArray());
        Block(hmac, Encoding.UTF8.GetBytes(e.Stream));
        BinaryPrimitives.WriteInt64BigEndian(number, e.Sequence);
        Block(hmac, number.ToArray());
        Block(hmac, Encoding.UTF8.GetBytes(e.Type));
        Block(hmac, Encoding.UTF8.GetBytes(e.OccurredAt.ToString("O", CultureInfo.InvariantCulture)));
        Block(hmac, Encoding.UTF8.GetBytes(e.Data.GetRawText()));
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    /// <summary>Each field is length-prefixed, so no two different events frame to the same bytes.</summary>
    private static void Block(HMACSHA256 hmac, byte[] bytes)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hmac.TransformBlock(length, 0, 4, null, 0);
        hmac.TransformBlock(bytes, 0, bytes.Length, null, 0);
    }
}
