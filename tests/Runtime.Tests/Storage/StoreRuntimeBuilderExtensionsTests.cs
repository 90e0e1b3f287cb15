using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Hosting;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Storage;
using PolicingHub.Runtime.Storage.InMemory;
using PolicingHub.Runtime.Storage.Sqlite;

namespace PolicingHub.Runtime.Tests.Storage;

public sealed class StoreRuntimeBuilderExtensionsTests
{
    [Fact]
    public void The_in_memory_store_serves_all_four_contracts_from_one_instance()
    {
        using var provider = Build(b => b.UseInMemoryStore());

        var store = provider.GetRequiredService<InMemoryStore>();
        Assert.Same(store, provider.GetRequiredService<IGrainStorage>());
        Assert.Same(store, provider.GetRequiredService<IEventLog>());
        Assert.Same(store, provider.GetRequiredService<ICommandLedger>());
        Assert.Same(store, provider.GetRequiredService<IReminderTable>());
    }

    [Fact]
    public void The_last_store_profile_chosen_wins()
    {
        using var sqlite = Build(b => b.UseInMemoryStore().UseSqliteStore(o => o.Path = "unused.db"));
        using var inMemory = Build(b => b.UseSqliteStore(o => o.Path = "unused.db").UseInMemoryStore());

        Assert.IsType<SqliteGrainStorage>(Assert.Single(sqlite.GetServices<IGrainStorage>()));
        Assert.IsType<SqliteEventLog>(Assert.Single(sqlite.GetServices<IEventLog>()));
        Assert.IsType<SqliteCommandLedger>(Assert.Single(sqlite.GetServices<ICommandLedger>()));
        Assert.IsType<SqliteReminderTable>(Assert.Single(sqlite.GetServices<IReminderTable>()));
        Assert.IsType<InMemoryStore>(Assert.Single(inMemory.GetServices<IGrainStorage>()));
        Assert.IsType<InMemoryStore>(Assert.Single(inMemory.GetServices<IEventLog>()));
        Assert.IsType<InMemoryStore>(Assert.Single(inMemory.GetServices<ICommandLedger>()));
        Assert.IsType<InMemoryStore>(Assert.Single(inMemory.GetServices<IReminderTable>()));
    }

    [Fact]
    public void Sqlite_options_are_bound_from_configuration_and_the_delegate_runs_after_binding()
    {
        var settings = new Dictionary<string, string?>
        {
            ["PolicingHub:Sqlite:Path"] = "from-config.db",
            ["PolicingHub:Sqlite:Synchronous"] = "Normal",
        };
        using var bound = Build(b => b.UseSqliteStore(), settings);
        using var overridden = Build(b => b.UseSqliteStore(o => o.Path = "from-code.db"), settings);

        var fromConfig = bound.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        var fromCode = overridden.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        Assert.Equal(("from-config.db", SqliteSynchronous.Normal), (fromConfig.Path, fromConfig.Synchronous));
        Assert.Equal(("from-code.db", SqliteSynchronous.Normal), (fromCode.Path, fromCode.Synchronous));
        Assert.Equal(Path.GetFullPath("from-code.db"), overridden.GetRequiredService<SqliteDatabase>().FilePath);
    }

    [Fact]
    public void An_empty_sqlite_path_fails_validation_on_start()
    {
        using var provider = Build(b => b.UseSqliteStore(), new() { ["PolicingHub:Sqlite:Path"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("PolicingHub:Sqlite:Path must not be empty.", error.Message);
    }

    private static ServiceProvider Build(Action<IRuntimeBuilder> configure, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        configure(new TestRuntimeBuilder(services));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class TestRuntimeBuilder(IServiceCollection services) : IRuntimeBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
