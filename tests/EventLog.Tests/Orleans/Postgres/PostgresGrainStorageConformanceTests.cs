using Orleans.Hosting;
using PolicingHub.EventLog.Orleans.Postgres;

namespace PolicingHub.EventLog.Tests.Orleans.Postgres;

/// <summary>The grain storage suite on Orleans' ADO.NET provider over a PostgreSQL database of its own per test (our schema and queries).</summary>
public sealed class PostgresGrainStorageConformanceTests : GrainStorageConformanceTests
{
    private PostgresDatabase? _database;

    protected override void AddDefaultStorage(ISiloBuilder silo) => silo.AddPostgresGrainStorageAsDefault(_database!.ConnectionString);

    public override async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
