namespace PolicingHub.Grains.Audit;

/// <summary>The audit chain's HMAC key (32+ bytes). It lives outside the database (a key file, or a secret store), never in it.</summary>
public sealed class AuditKey
{
    public AuditKey(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 32)
        {
            throw new ArgumentException("The audit key must be at least 32 bytes.", nameof(bytes));
        }
        Bytes = bytes;
    }

    internal byte[] Bytes { get; }
}
