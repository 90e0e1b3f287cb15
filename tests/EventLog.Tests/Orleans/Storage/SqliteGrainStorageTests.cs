using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using PolicingHub.EventLog.Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>What is particular to the SQLite grain storage: its schema, its file, named storages and delete-on-clear.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _serviceId = $"sqlite-storage-{Guid.NewGuid():N}";

    [Fact]
    public async Task Applying_the_schema_creates_the_folder_the_file_in_WAL_mode_and_the_four_provider_queries()
    {
        var path = _folder.File("new/folder/orleans.db");

        await SqliteGrainStorageSchema.EnsureCreatedAsync(SqliteGrainStorageSchema.ConnectionString(path));

        Assert.Equal("wal", await SqliteFile.JournalModeAsync(path));
        Assert.Equal(
            "ClearStorageKey,DeleteStorageKey,ReadFromStorageKey,WriteToStorageKey",
            await SqliteFile.ScalarAsync<string>(path, "SELECT group_concat(QueryKey, ',') FROM (SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey)"));
    }

    [Fact]
    public async Task Applying_the_schema_again_keeps_the_stored_states()
    {
        var path = _folder.File("orleans.db");
        var key = $"note-{Guid.NewGuid():N}";
        await using (var silo = await TestSilo.StartAsync(_serviceId, s => s.AddSqliteGrainStorageAsDefault(path)))
        {
            await silo.Grains.GetGrain<INoteGrain>(key).Write("kept");
        }

        await SqliteGrainStorageSchema.EnsureCreatedAsync(SqliteGrainStorageSchema.ConnectionString(path));
        await SqliteGrainStorageSchema.EnsureCreatedAsync(SqliteGrainStorageSchema.ConnectionString(path));

        Assert.Equal(1L, await SqliteFile.ScalarAsync<long>(path, "SELECT count(*) FROM orleans_storage"));
        await using var again = await TestSilo.StartAsync(_serviceId, s => s.AddSqliteGrainStorageAsDefault(path));
        Assert.Equal("kept", (await again.Grains.GetGrain<INoteGrain>(key).Read()).Text);
    }

    [Fact]
    public async Task A_named_storage_keeps_its_states_in_its_own_file()
    {
        var defaultPath = _folder.File("default.db");
        var archivePath = _folder.File("archive.db");
        await using var silo = await TestSilo.StartAsync(_serviceId, s => s
            .AddSqliteGrainStorageAsDefault(defaultPath)
            .AddSqliteGrainStorage(ArchiveNoteGrain.StorageName, archivePath));

        await silo.Grains.GetGrain<IArchiveNoteGrain>("a").Write("archived");
        await silo.Grains.GetGrain<INoteGrain>("n").Write("current");

        Assert.Equal(1L, await SqliteFile.ScalarAsync<long>(archivePath, "SELECT count(*) FROM orleans_storage"));
        Assert.Equal(1L, await SqliteFile.ScalarAsync<long>(defaultPath, "SELECT count(*) FROM orleans_storage"));
        Assert.Equal("archived", (await silo.Grains.GetGrain<IArchiveNoteGrain>("a").Read()).Text);
    }

    [Fact]
    public async Task Reminders_and_grain_state_can_share_one_file()
    {
        var path = _folder.File("orleans.db");
        await using var silo = await TestSilo.StartAsync(_serviceId, s => s
            .AddSqliteGrainStorageAsDefault(path)
            .UseSqliteReminderService(o => o.Path = path));

        await silo.Grains.GetGrain<INoteGrain>("shared").Write("state");
        await silo.Services.GetRequiredService<IReminderTable>().UpsertRow(new ReminderEntry
        {
            GrainId = GrainId.Create("t", "k"),
            ReminderName = "r",
            StartAt = DateTime.UtcNow.AddHours(1),
            Period = TimeSpan.FromHours(1),
        });

        Assert.Equal(1L, await SqliteFile.ScalarAsync<long>(path, "SELECT count(*) FROM orleans_storage"));
        Assert.Equal(1L, await SqliteFile.ScalarAsync<long>(path, "SELECT count(*) FROM orleans_reminders"));
    }

    [Fact]
    public async Task With_delete_on_clear_a_cleared_state_leaves_no_row_and_can_be_written_afresh()
    {
        var path = _folder.File("orleans.db");
        await using var silo = await TestSilo.StartAsync(_serviceId, s => s
            .AddSqliteGrainStorageAsDefault(path)
            .ConfigureServices(services => services.Configure<AdoNetGrainStorageOptions>(
                ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, o => o.DeleteStateOnClear = true)));
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grain = GrainId.Create("storage-test", "delete-on-clear");
        var state = new GrainState<NoteState> { State = new NoteState { Text = "gone soon" } };

        await storage.WriteStateAsync("s", grain, state);
        await storage.ClearStateAsync("s", grain, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await SqliteFile.ScalarAsync<long>(path, "SELECT count(*) FROM orleans_storage"));
        await storage.WriteStateAsync("s", grain, state);
        Assert.NotNull(state.ETag);
    }

    public void Dispose() => _folder.Dispose();
}
