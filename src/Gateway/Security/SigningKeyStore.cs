using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// The HMAC-SHA256 token signing keys. The active key is the file at <see cref="AuthOptions.SigningKeyPath"/> (created
/// with a random 32-byte key, owner read/write only, when missing); it signs new tokens. Retired keys are the files in
/// the folder beside it named "&lt;key file&gt;.retired" (put there by <see cref="KeyRotation"/>); they still validate
/// the tokens they signed until those expire. Every key has a key id ("kid", from a hash of the key, never the key):
/// tokens carry it in their header. The files are re-read when they change, so a rotation done by the token CLI
/// reaches a running silo without a restart.
/// </summary>
public sealed class SigningKeyStore
{
    public const int KeyBytes = 32;

    private readonly string _path;
    private readonly string _retiredFolder;
    private readonly ILogger<SigningKeyStore> _log;
    private readonly Lock _lock = new();
    private (DateTime Active, DateTime Retired) _stamp;
    private SymmetricSecurityKey? _active;
    private IReadOnlyList<SymmetricSecurityKey> _all = [];
    private bool _created;

    public SigningKeyStore(IOptions<AuthOptions> options, ILogger<SigningKeyStore> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.SigningKeyPath);
        _retiredFolder = RetiredFolder(_path);
        _log = log;
    }

    /// <summary>The folder of retired keys for the key file at <paramref name="keyPath"/>.</summary>
    public static string RetiredFolder(string keyPath) => Path.GetFullPath(keyPath) + ".retired";

    /// <summary>The active key (it signs new tokens); its KeyId is the token's "kid".</summary>
    public SymmetricSecurityKey Key => Refresh().Active;

    /// <summary>The keys a token whose header names <paramref name="kid"/> may be signed with (each key when it names none).</summary>
    public IEnumerable<SymmetricSecurityKey> ValidationKeysFor(string? kid)
    {
        var all = Refresh().All;
        return kid is null ? all : all.Where(k => k.KeyId == kid);
    }

    /// <summary>True when this store created the key file (the first start); loads the key if it was not yet.</summary>
    public bool Created
    {
        get
        {
            _ = Key;
            return _created;
        }
    }

    /// <summary>The key id of <paramref name="key"/>: 16 base64url characters of its SHA-256.</summary>
    public static string KeyIdOf(byte[] key) => Base64UrlEncoder.Encode(SHA256.HashData(key))[..16];

    private (SymmetricSecurityKey Active, IReadOnlyList<SymmetricSecurityKey> All) Refresh()
    {
        lock (_lock)
        {
            // Two stats per validation, so a rotation or a deleted retired key counts at once; a missing key file reads as
            // 1601-01-01, which no loaded stamp has.
            var stamp = (File.GetLastWriteTimeUtc(_path), Directory.GetLastWriteTimeUtc(_retiredFolder));
            if (_active is not null && stamp == _stamp)
            {
                return (_active, _all);
            }
            var bytes = KeyFile.LoadOrCreate(_path, KeyBytes, "signing key", out var created);
            if (created)
            {
                _created = true;
                SecurityLog.SigningKeyCreated(_log, _path);
            }
            SecurityLog.SigningKeyLoaded(_log, _path);
            _active = Wrap(bytes);
            var retired = Directory.Exists(_retiredFolder)
                ? Directory.EnumerateFiles(_retiredFolder, "*.b64").Order(StringComparer.Ordinal)
                    .Select(f => Wrap(KeyFile.LoadOrCreate(f, KeyBytes, "retired signing key", out _)))
                : [];
            _all = [_active, .. retired.Where(k => k.KeyId != _active.KeyId)];
            _stamp = (File.GetLastWriteTimeUtc(_path), Directory.GetLastWriteTimeUtc(_retiredFolder));
            return (_active, _all);
        }
    }

    private static SymmetricSecurityKey Wrap(byte[] bytes) => new(bytes) { KeyId = KeyIdOf(bytes) };
}
