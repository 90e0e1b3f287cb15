using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.InMemory;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>Registration: one singleton per store behind both contracts, options bound and validated on start.</summary>
public sealed class EventLogServiceCollectionExtensionsTests
{
    [Fact]
    public void The_sqlite_log_is_one_singleton_serving_the_log_the_doorbell_and_its_hosted_service()
    {
        using var provider = new ServiceCollection().AddSqliteEventLog(o => o.Path = "unused.db").BuildServiceProvider();

        var log = provider.GetRequiredService<SqliteEventLog>();
        Assert.Same(log, provider.GetRequiredService<IEventLog>());
        Assert.Same(log, provider.GetRequiredService<IEventLogDoorbell>());
        Assert.Same(log, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void The_in_memory_log_is_one_singleton_serving_the_log_and_the_doorbell_with_no_hosted_service()
    {
        var clock = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddInMemoryEventLog().BuildServiceProvider();

        var log = provider.GetRequiredService<InMemoryEventLog>();
        Assert.Same(log, provider.GetRequiredService<IEventLog>());
        Assert.Same(log, provider.GetRequiredService<IEventLogDoorbell>());
        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void The_last_store_added_wins_and_adding_one_twice_registers_it_once()
    {
        using var sqlite = new ServiceCollection().AddInMemoryEventLog().AddSqliteEventLog(o => o.Path = "a.db").AddSqliteEventLog(o => o.Path = "a.db").BuildServiceProvider();
        using var inMemory = new ServiceCollection().AddSqliteEventLog(o => o.Path = "a.db").AddInMemoryEventLog().BuildServiceProvider();

        Assert.IsType<SqliteEventLog>(Assert.Single(sqlite.GetServices<IEventLog>()));
        Assert.IsType<SqliteEventLog>(Assert.Single(sqlite.GetServices<IEventLogDoorbell>()));
        Assert.IsType<SqliteEventLog>(Assert.Single(sqlite.GetServices<IHostedService>()));
        Assert.IsType<InMemoryEventLog>(Assert.Single(inMemory.GetServices<IEventLog>()));
        Assert.IsType<InMemoryEventLog>(Assert.Single(inMemory.GetServices<IEventLogDoorbell>()));
        Assert.Empty(inMemory.GetServices<IHostedService>());
    }

    [Fact]
    public void Sqlite_options_are_bound_from_a_given_section_or_the_host_configuration_and_the_delegate_runs_after_binding()
    {
        var settings = new Dictionary<string, string?>
        {
            ["PolicingHub:EventLog:Sqlite:Path"] = "from-config.db",
            ["PolicingHub:EventLog:Sqlite:Synchronous"] = "Normal",
            ["PolicingHub:EventLog:Sqlite:MaxBatchSize"] = "64",
            ["Elsewhere:Path"] = "elsewhere.db",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var fromHost = Options(s => s.AddSingleton<IConfiguration>(configuration).AddSqliteEventLog());
        var fromSection = Options(s => s.AddSqliteEventLog(configuration.GetSection("Elsewhere")));
        var fromCode = Options(s => s.AddSingleton<IConfiguration>(configuration).AddSqliteEventLog(o => o.MaxBatchSize = 1));
        var defaults = Options(s => s.AddSqliteEventLog());

        Assert.Equal(("from-config.db", SqliteSynchronousMode.Normal, 64), (fromHost.Path, fromHost.Synchronous, fromHost.MaxBatchSize));
        Assert.Equal(("elsewhere.db", SqliteSynchronousMode.Full, 256), (fromSection.Path, fromSection.Synchronous, fromSection.MaxBatchSize));
        Assert.Equal(("from-config.db", SqliteSynchronousMode.Normal, 1), (fromCode.Path, fromCode.Synchronous, fromCode.MaxBatchSize));
        Assert.Equal(("data/events.db", SqliteSynchronousMode.Full, 256), (defaults.Path, defaults.Synchronous, defaults.MaxBatchSize));
    }

    [Fact]
    public async Task A_host_with_an_invalid_sqlite_setting_refuses_to_start_naming_the_log_and_the_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSqliteEventLog(o => o.MaxBatchSize = 0);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().Within());

        Assert.Equal(
            "The SQLite event log's PolicingHub:EventLog:Sqlite:MaxBatchSize must be between 1 and 10000, not 0.",
            Assert.Single(error.Failures));
    }

    private static SqliteEventLogOptions Options(Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        add(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SqliteEventLogOptions>>().Value;
    }
}
