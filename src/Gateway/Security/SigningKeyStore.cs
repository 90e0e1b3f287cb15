using System.Security.Cryptography;
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
        if (!File.Exists(_path) && TryCreate())
        {
            _created = true;
            SecurityLog.SigningKeyCreated(_log, _path);
        }
        var bytes = Read();
        SecurityLog.SigningKeyLoaded(_log, _path);
        return new SymmetricSecurityKey(bytes);
    }

    /// <summary>Writes a new key to a temp file and moves it into place; false when another process got there first.</summary>
    private bool TryCreate()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temp = $"{_path}.{Guid.NewGuid():N}.tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, fileOptions))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        }
        try
        {
            return AtomicFile.TryPublish(temp, _path);
        }
        finally
        {
            File.Delete(temp); // after a link, the key lives on under its final name
        }
    }

    private byte[] Read()
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(File.ReadAllText(_path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key file '{_path}' does not hold base64 text.");
        }
        return bytes.Length >= KeyBytes
            ? bytes
            : throw new InvalidOperationException($"The signing key in '{_path}' is {bytes.Length} bytes; HMAC-SHA256 needs at least {KeyBytes}.");
    }
}
