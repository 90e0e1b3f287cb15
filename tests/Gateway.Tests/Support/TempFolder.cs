using Microsoft.Data.Sqlite;

namespace PolicingHub.Gateway.Tests.Support;

/// <summary>A fresh folder under the system temp directory, deleted (with everything in it) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "policinghub-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep SQLite files open
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
