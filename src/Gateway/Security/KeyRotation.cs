namespace PolicingHub.Gateway.Security;

/// <summary>
/// Rotates the signing key (the token CLI's "rotate-key"): the active key file moves into the retired folder as
/// "&lt;kid&gt;.b64" (stamped with the time it was retired), a new random key becomes active, and retired keys older
/// than <see cref="AuthOptions.MaxTokenLifetime"/> are deleted — every token they signed has expired by then.
/// Running silos pick the change up on their next token validation.
/// </summary>
public static class KeyRotation
{
    /// <summary>Returns the retired key's id, the new key's id and how many expired retired keys were deleted.</summary>
    public static (string RetiredKid, string NewKid, int Deleted) Rotate(AuthOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var path = Path.GetFullPath(options.SigningKeyPath);
        var folder = SigningKeyStore.RetiredFolder(path);
        Directory.CreateDirectory(folder);
        var old = KeyFile.LoadOrCreate(path, SigningKeyStore.KeyBytes, "signing key", out _);
        var oldKid = SigningKeyStore.KeyIdOf(old);
        var retired = Path.Combine(folder, oldKid + ".b64");
        var now = time.GetUtcNow().UtcDateTime;
        File.Move(path, retired, overwrite: true);
        File.SetLastWriteTimeUtc(retired, now);
        var fresh = KeyFile.LoadOrCreate(path, SigningKeyStore.KeyBytes, "signing key", out _);
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.b64"))
        {
            if (File.GetLastWriteTimeUtc(file) < now - options.MaxTokenLifetime)
            {
                File.Delete(file);
                deleted++;
            }
        }
        Directory.SetLastWriteTimeUtc(folder, now);
        return (oldKid, SigningKeyStore.KeyIdOf(fresh), deleted);
    }
}
