using Microsoft.Data.Sqlite;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Runtime.Tests.Support;

/// <summary>A SQLite file in a fresh temp directory, removed on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policinghub-test-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "hub.db");

    public Action<IRuntimeBuilder> Store => builder => builder.UseSqliteStore(o => o.Path = Path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
