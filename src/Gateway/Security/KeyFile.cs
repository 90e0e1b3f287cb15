using System.Security.Cryptography;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// A secret key kept in a file of its own, outside any database: read as base64, or — when the file does not exist —
/// a random key written to a temp file (owner read/write only on Unix) and published atomically, so two processes
/// starting together agree on one key.
/// </summary>
public static class KeyFile
{
    /// <summary>The key in <paramref name="path"/>; <paramref name="created"/> is true when this call created it.</summary>
    public static byte[] LoadOrCreate(string path, int minimumBytes, string purpose, out bool created)
    {
        created = !File.Exists(path) && TryCreate(path, minimumBytes);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The {purpose} file '{path}' does not hold base64 text.");
        }
        return bytes.Length >= minimumBytes
            ? bytes
            : throw new InvalidOperationException($"The {purpose} in '{path}' is {bytes.Length} bytes; it needs at least {minimumBytes}.");
    }

    /// <summary>Writes a new key to a temp file and moves it into place; false when another process got there first.</summary>
    private static bool TryCreate(string path, int bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, fileOptions))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
        }
        try
        {
            return AtomicFile.TryPublish(temp, path);
        }
        finally
        {
            File.Delete(temp); // after a link, the key lives on under its final name
        }
    }
}
