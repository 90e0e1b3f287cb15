using System.Globalization;
using System.Text;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// Keeps a second silo off an embedded data folder (DESIGN §5). <see cref="Acquire"/> opens <c>&lt;folder&gt;/silo.lock</c>
/// with <see cref="FileShare.None"/> — on Linux .NET takes an advisory <c>flock(LOCK_EX)</c> on it — and writes the
/// holder's PID into it. Hold the instance for the life of the process; the lock is released on dispose, or by the
/// kernel when the process dies, so a crash leaves nothing to clean up.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name inside the data folder.</summary>
    public const string FileName = "silo.lock";

    /// <summary>The setting an operator changes to point a silo at another folder (named in the refusal).</summary>
    public const string DataPathSetting = "PolicingHub:DataPath";

    private readonly FileStream _file;
    private int _released;

    private DataFolderLock(string folder, string path, FileStream file)
    {
        Folder = folder;
        LockFilePath = path;
        _file = file;
    }

    /// <summary>The data folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The lock file (full path).</summary>
    public string LockFilePath { get; }

    /// <summary>
    /// Takes the folder (creating it if missing), or throws <see cref="DataFolderInUseException"/> naming the folder and
    /// the holder's PID when another silo — in this process or another — holds it.
    /// </summary>
    public static DataFolderLock Acquire(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var fullFolder = Path.GetFullPath(folder);
        Directory.CreateDirectory(fullFolder);
        var path = Path.Combine(fullFolder, FileName);

        FileStream file;
        try
        {
            // OpenOrCreate, not Create: a refused opener must not truncate the holder's PID before the lock is checked.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException exception) when (exception.GetType() == typeof(IOException))
        {
            var holder = LockFileReader.TryReadPid(path);
            throw new DataFolderInUseException(
                $"data folder {fullFolder} is in use by another silo (pid {holder ?? "unknown"}); stop it or choose another {DataPathSetting}",
                exception);
        }

        try
        {
            var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            file.SetLength(0);
            file.Write(pid);
            file.Flush(flushToDisk: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new DataFolderLock(fullFolder, path, file);
    }

    /// <summary>Empties the PID and releases the lock. The file itself stays: deleting it would let two openers race.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return; // released already (by the host's stop, then by its disposal)
        }
        try
        {
            _file.SetLength(0);
        }
        catch (IOException)
        {
            // Releasing matters more than a stale PID in a file nobody holds.
        }
        _file.Dispose();
    }
}
