using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// The HMAC-SHA256 token signing key: loaded from <see cref="AuthOptions.SigningKeyPath"/>, or, when the file does not
/// exist, a random 32-byte key written there (owner read/write only on Unix). Loaded once, on first use.
/// </summary>
public sealed class SigningKeyStore
{
    public const int KeyBytes = 32;

    private readonly string _path;
    private readonly ILogger<SigningKeyStore> _log;
    private readonly Lazy<SymmetricSecurityKey> _key;
    private bool _created;

    public SigningKeyStore(IOptions<AuthOptions> options, ILogger<SigningKeyStore> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.SigningKeyPath);
        _log = log;
        _key = new Lazy<SymmetricSecurityKey>(LoadOrCreate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>True when this store created the key file (the first start); loads the key if it was not yet.</summary>
    public bool Created
    {
        get
        {
            _ = _key.Value;
            return _created;
        }
    }

    private SymmetricSecurityKey LoadOrCreate()
    {
        var bytes = KeyFile.LoadOrCreate(_path, KeyBytes, "signing key", out _created);
        if (_created)
        {
            SecurityLog.SigningKeyCreated(_log, _path);
        }
        SecurityLog.SigningKeyLoaded(_log, _path);
        return new SymmetricSecurityKey(bytes);
    }
}
