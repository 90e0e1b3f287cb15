using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using PolicingHub.EventLog;

namespace PolicingHub.Grains.Audit;

/// <summary>
/// The keyed chain over the log: link(n) = HMAC-SHA256(key, link(n-1) ‖ position ‖ stream ‖ sequence ‖ type ‖ time ‖ data),
/// link(0) = 32 zero bytes. The data is the event's JSON exactly as stored, so rewriting any field of any event — or
/// dropping or inserting one — changes every later link; without the key no one can compute the links again. Every
/// event of the log passes through here, so it reuses one keyed hash and frames the fields without allocating.
/// </summary>
public sealed class AuditChain(AuditKey key)
{
    private IncrementalHash? _idle;

    public static string Genesis { get; } = Convert.ToHexStringLower(new byte[32]);

    public string Next(string previous, EventEnvelope e)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(e);
        var hmac = Interlocked.Exchange(ref _idle, null) ?? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Bytes);
        try
        {
            Span<byte> scratch = stackalloc byte[64];
            Convert.FromHexString(previous, scratch[..32], out _, out _);
            hmac.AppendData(scratch[..32]);
            BinaryPrimitives.WriteInt64BigEndian(scratch, e.Position);
            Block(hmac, scratch[..8]);
            Text(hmac, e.Stream);
            BinaryPrimitives.WriteInt64BigEndian(scratch, e.Sequence);
            Block(hmac, scratch[..8]);
            Text(hmac, e.Type);
            Span<char> time = stackalloc char[40];
            e.OccurredAt.TryFormat(time, out var written, "O", CultureInfo.InvariantCulture);
            Text(hmac, time[..written]);
            Block(hmac, JsonMarshal.GetRawUtf8Value(e.Data));
            hmac.GetHashAndReset(scratch[..32]);
            return Convert.ToHexStringLower(scratch[..32]);
        }
        finally
        {
            Interlocked.Exchange(ref _idle, hmac)?.Dispose();
        }
    }

    /// <summary>Each field is length-prefixed, so no two different events frame to the same bytes.</summary>
    private static void Block(IncrementalHash hmac, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hmac.AppendData(length);
        hmac.AppendData(bytes);
    }

    private static void Text(IncrementalHash hmac, ReadOnlySpan<char> text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Block(hmac, rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
