using Orleans.Hosting;
using PolicingHub.EventLog.Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>The grain storage suite on Orleans' ADO.NET provider over a SQLite file of its own per test.</summary>
public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformanceTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override void AddDefaultStorage(ISiloBuilder silo) => silo.AddSqliteGrainStorageAsDefault(_folder.File("data/orleans.db"));

    public void Dispose() => _folder.Dispose();
}
