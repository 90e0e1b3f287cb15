using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.Postgres;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>The conformance suite on a fresh PostgreSQL database per test (the log creates its table on start), plus store-level checks.</summary>
public sealed class PostgresEventLogTests : EventLogConformanceTests
{
    private PostgresDatabase? _database;

    private PostgresDatabase Database => _database ?? throw new InvalidOperationException("No database yet.");

    protected override string StoreTag => "postgres";

    protected override TimeSpan TimestampPrecision => TimeSpan.FromMicroseconds(1);

    protected override void AddLog(IServiceCollection services) =>
        services.AddPostgresEventLog(o => (o.ConnectionString, o.PollInterval) = (Database.ConnectionString, TimeSpan.FromMilliseconds(200)));

    public override async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Committed_events_survive_a_restart_of_the_log_and_appending_carries_on()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));
        await Log.AppendAsync("task/T-2", 0, [new NewEvent("TaskAssigned", Json("""{"title":"한국 교민 안전","desk":"在日韓国人"}"""))]);
        var before = await ReadAllAsync();
        await Host.DisposeAsync();

        await using var reopened = await StartLogAsync();
        var log = reopened.Log;

        Assert.Equal(before, (await log.ReadAsync(0, 100)).Select(Describe));
        Assert.Equal(3, await log.GetLastPositionAsync());
        Assert.Equal(AppendResult.Conflict(0, 2), await log.AppendAsync("task/T-1", 0, Events("TaskAssigned")));
        Assert.Equal(AppendResult.Success(2, 3, 4, 4), await log.AppendAsync("task/T-1", 2, Events("TaskAccepted")));
    }

    [Fact]
    public async Task Reads_beyond_MaxPoolSize_wait_for_a_free_connection_instead_of_opening_more()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var host = await LogHost.StartAsync(Clock,
            services => services.AddPostgresEventLog(o => (o.ConnectionString, o.MaxPoolSize) = (database.ConnectionString, 3)));
        await host.Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));

        var reads = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => host.Log.GetLastPositionAsync()));

        Assert.All(reads, position => Assert.Equal(1, position));
        await using var server = new Npgsql.NpgsqlConnection(PostgresDatabase.ServerConnectionString);
        await server.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("select count(*) from pg_stat_activity where datname = @db", server) { Parameters = { new("db", database.Name) } };
        Assert.InRange((long)(await count.ExecuteScalarAsync())!, 1, 3 + 1); // the pool (reads and the writer), and the listener's own
    }

    [Fact]
    public async Task The_store_reader_returns_what_the_table_holds()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned", "TaskAcknowledged"));

        var stored = await Host.Services.GetRequiredService<PostgresEventLog>().ReadFromStoreAsync(0, 10);

        Assert.Equal(await ReadAllAsync(), stored.Select(Describe));
        Assert.Equal(2L, await Database.ScalarAsync("SELECT count(*) FROM event_log"));
    }

    [Fact]
    public async Task A_batch_whose_connection_was_cut_fails_with_nothing_written_and_the_next_append_commits()
    {
        await Log.AppendAsync("task/T-1", 0, Events("TaskAssigned"));
        await Database.ScalarAsync(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> '{PostgresEventLog.ListenerApplicationName}'");

        var failed = await Assert.ThrowsAsync<EventLogException>(() => Log.AppendAsync("task/T-1", 1, Events("TaskAcknowledged")));
        var next = await Log.AppendAsync("task/T-1", 1, Events("TaskAcknowledged"));

        Assert.False(failed.OutcomeUnknown);
        Assert.Equal(AppendResult.Success(1, 2, 2, 2), next);
        Assert.Equal(2L, await Database.ScalarAsync("SELECT count(*) FROM event_log"));
    }

    [Fact]
    public async Task A_listener_whose_connection_was_cut_reconnects_and_rings_for_commits_made_meanwhile()
    {
        await using var other = await StartLogAsync();
        var rung = System.Threading.Channels.Channel.CreateUnbounded<long>();
        using var subscription = Doorbell.Subscribe(p => rung.Writer.TryWrite(p));

        await Database.ScalarAsync(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{PostgresEventLog.ListenerApplicationName}'");
        await other.Log.AppendAsync("task/T-7", 0, Events("TaskAssigned", "TaskAcknowledged"));

        long seen;
        do
        {
            seen = await rung.Reader.ReadAsync().AsTask().Within();
        }
        while (seen < 2);
        Assert.Equal(2, seen);
    }

    [Fact]
    public async Task A_log_that_cannot_reach_its_database_fails_to_start_and_names_no_password()
    {
        var unreachable = $"Host=127.0.0.1;Port={FreePorts.Next()};Username=nobody;Password=hunter2;Database=none;Timeout=2";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            LogHost.StartAsync(Clock, s => s.AddPostgresEventLog(o => o.ConnectionString = unreachable)));

        Assert.IsAssignableFrom<Npgsql.NpgsqlException>(failure);
        Assert.DoesNotContain("hunter2", failure.ToString());
    }
}
