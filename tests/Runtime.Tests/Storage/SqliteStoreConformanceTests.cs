using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Storage;
using PolicingHub.Runtime.Storage.Sqlite;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>The conformance suite on a fresh SQLite file per test (in a folder the store must create), plus file-level checks.</summary>
public sealed class SqliteStoreConformanceTests : StoreConformanceTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"policinghub-tests-{Guid.NewGuid():N}");
    private readonly List<SqliteDatabase> _databases = [];

    private string FilePath => Path.Combine(_folder, "store", "policinghub.db");

    protected override StoreUnderTest CreateStore()
    {
        var database = Open();
        return new StoreUnderTest(
            new SqliteGrainStorage(database), new SqliteEventLog(database), new SqliteCommandLedger(database), new SqliteReminderTable(database));
    }

    protected override void DisposeStore()
    {
        _databases.ForEach(d => d.Dispose());
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private SqliteDatabase Open()
    {
        var database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { Path = FilePath }));
        _databases.Add(database);
        return database;
    }

    [Fact]
    public async Task Reopening_the_same_file_sees_every_committed_write()
    {
        var written = await Storage.WriteAsync(Write(Agency("a"), null, "v1", ["Registered"], new CommandKey("key-1", "IAgencyGrain.Register")));
        await Ledger.CompleteAsync(Agency("b"), "key-2", "IAgencyGrain.Rename", CommandOutcome.Success("\"done\""));
        var reminder = await Reminders.UpsertAsync(new ReminderEntry(Agency("a"), "deadline", Now, Timeout.InfiniteTimeSpan));
        _databases[0].Dispose();

        var reopened = Open();

        Assert.Equal(new StoredState("v1", "1"), await new SqliteGrainStorage(reopened).ReadAsync(Agency("a"), StateName));
        Assert.Equal(written.Events.Select(Describe), (await new SqliteEventLog(reopened).ReadAsync(0, 10)).Select(Describe));
        var ledger = new SqliteCommandLedger(reopened);
        Assert.Equal(new CommandRecord("IAgencyGrain.Register", null), await ledger.FindAsync(Agency("a"), "key-1"));
        Assert.Equal(new CommandRecord("IAgencyGrain.Rename", CommandOutcome.Success("\"done\"")), await ledger.FindAsync(Agency("b"), "key-2"));
        Assert.Equal([reminder], await new SqliteReminderTable(reopened).ReadAllAsync());
        Assert.Equal("2", (await new SqliteGrainStorage(reopened).WriteAsync(Write(Agency("a"), "1", "v2"))).ETag);
    }

    [Fact]
    public async Task A_tombstone_survives_reopening_the_file()
    {
        var written = await Storage.WriteAsync(Write(Agency("a"), null, "v1"));
        var tombstone = await Storage.ClearAsync(Agency("a"), StateName, written.ETag);
        _databases[0].Dispose();

        var reopened = new SqliteGrainStorage(Open());

        Assert.Equal(new StoredState(null, "2"), await reopened.ReadAsync(Agency("a"), StateName));
        await Assert.ThrowsAsync<InconsistentStateException>(() => reopened.WriteAsync(Write(Agency("a"), null, "again")));
        Assert.Equal("3", (await reopened.WriteAsync(Write(Agency("a"), tombstone, "again"))).ETag);
    }

    [Fact]
    public async Task The_file_is_created_in_wal_mode_with_the_four_tables()
    {
        Assert.Null(await Storage.ReadAsync(Agency("a"), StateName));

        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await mode.ExecuteScalarAsync());
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        Assert.Equal("command_results,events,grain_state,reminders,sqlite_sequence", await tables.ExecuteScalarAsync());
    }

    [Fact]
    public void An_empty_path_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => new SqliteDatabase(Options.Create(new SqliteStoreOptions { Path = " " })));

        Assert.Equal("The SQLite store needs a non-empty Path.", error.Message);
    }
}
