using System.Runtime.InteropServices;

namespace PolicingHub.Gateway.Security;

/// <summary>
/// Publishes a finished temp file under its final name only if that name is free, atomically. File.Move with
/// overwrite: false is not enough on Unix: it checks for the target and then renames, and rename replaces.
/// </summary>
internal static class AtomicFile
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    /// <summary>True when <paramref name="temp"/> now stands at <paramref name="path"/>; false when another file was there first.</summary>
    public static bool TryPublish(string temp, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(temp, path, overwrite: false); // MoveFileEx without REPLACE_EXISTING: atomic
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        // link(2) creates the new name only if it does not exist, in one step.
        if (Link(temp, path) == 0)
        {
            return true;
        }
        var error = Marshal.GetLastWin32Error();
        if (error == AlreadyExists)
        {
            return false;
        }
        throw new IOException($"Could not publish '{path}' (errno {error}).");
    }

    // DllImport rather than LibraryImport keeps the project free of unsafe code; strings marshal as UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);
}
