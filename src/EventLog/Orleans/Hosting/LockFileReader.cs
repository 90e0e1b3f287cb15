using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// Reads the holder's PID from a lock file another descriptor holds with <c>flock(LOCK_EX)</c>. Every .NET open takes a
/// flock of its own (a shared one to read), which the holder's lock refuses, so on Unix this reads through libc's
/// open/read, which take no lock. Elsewhere (Windows locks are mandatory) the PID is unknown.
/// </summary>
internal static class LockFileReader
{
    private const int ReadOnly = 0;

    public static string? TryReadPid(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()))
        {
            return null;
        }

        try
        {
            var fd = open(path, ReadOnly);
            if (fd < 0)
            {
                return null;
            }

            try
            {
                var buffer = new byte[32];
                var count = read(fd, buffer, buffer.Length);
                if (count <= 0)
                {
                    return null;
                }

                var text = Encoding.ASCII.GetString(buffer, 0, (int)count).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    ? pid.ToString(CultureInfo.InvariantCulture)
                    : null;
            }
            finally
            {
                _ = close(fd);
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks; three plain calls do not justify it.
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}
