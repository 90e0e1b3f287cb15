using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicingHub.EventLog.InMemory;
using PolicingHub.EventLog.Postgres;
using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.EventLog.Hosting;

/// <summary>
/// Registers the event log of a store profile (DESIGN §5): one singleton serving <see cref="IEventLog"/> and
/// <see cref="IEventLogDoorbell"/>. The last store added wins; adding the same one again changes nothing.
/// </summary>
public static class EventLogServiceCollectionExtensions
{
    private static readonly Func<IServiceProvider, SqliteEventLog> HostedSqliteLog = sp => sp.GetRequiredService<SqliteEventLog>();
    private static readonly Func<IServiceProvider, PostgresEventLog> HostedPostgresLog = sp => sp.GetRequiredService<PostgresEventLog>();

    /// <summary>
    /// The embedded profile's event log: one SQLite file (<see cref="SqliteEventLog"/>), also a hosted service that
    /// creates the file on start and stops its writer loop on stop. Options come from <paramref name="section"/> when
    /// given, else from the host configuration's <see cref="SqliteEventLogOptions.SectionName"/> section when there is
    /// one; <paramref name="configure"/> runs after binding. They are validated on start
    /// (<see cref="SqliteEventLogOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddSqliteEventLog(
        this IServiceCollection services, IConfiguration? section = null, Action<SqliteEventLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteEventLogOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }
        else
        {
            options.Configure<IServiceProvider>(static (o, sp) =>
                sp.GetService<IConfiguration>()?.GetSection(SqliteEventLogOptions.SectionName).Bind(o));
        }
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteEventLogOptions>, SqliteEventLogOptionsValidator>());
        AddCommon(services);
        services.TryAddSingleton<SqliteEventLog>();
        Use<SqliteEventLog>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteEventLog>(HostedSqliteLog));
        return services;
    }

    /// <summary>The SQLite event log with options set in code only (bound first from configuration, as above).</summary>
    public static IServiceCollection AddSqliteEventLog(this IServiceCollection services, Action<SqliteEventLogOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSqliteEventLog(section: null, configure);
    }

    /// <summary>
    /// The cluster profiles' event log: one PostgreSQL table shared by every silo (<see cref="PostgresEventLog"/>), also
    /// a hosted service that creates the table and starts its LISTEN/poll doorbell on start and stops its writer loop on
    /// stop. Options bind from the host configuration's <see cref="PostgresEventLogOptions.SectionName"/> section;
    /// <paramref name="configure"/> runs after binding. They are validated on start (<see cref="PostgresEventLogOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddPostgresEventLog(this IServiceCollection services, Action<PostgresEventLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgresEventLogOptions>();
        options.Configure<IServiceProvider>(static (o, sp) =>
            sp.GetService<IConfiguration>()?.GetSection(PostgresEventLogOptions.SectionName).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresEventLogOptions>, PostgresEventLogOptionsValidator>());
        AddCommon(services);
        services.TryAddSingleton<PostgresEventLog>();
        Use<PostgresEventLog>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresEventLog>(HostedPostgresLog));
        return services;
    }

    /// <summary>The test profile's event log: <see cref="InMemoryEventLog"/>, stamped by the registered <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddInMemoryEventLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCommon(services);
        services.TryAddSingleton<InMemoryEventLog>();
        Use<InMemoryEventLog>(services);
        return services;
    }

    private static void AddCommon(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
    }

    /// <summary>Makes <typeparamref name="TLog"/> the one IEventLog and IEventLogDoorbell, dropping another store's hosted loop.</summary>
    private static void Use<TLog>(IServiceCollection services)
        where TLog : class, IEventLog, IEventLogDoorbell
    {
        services.RemoveAll<IEventLog>();
        services.RemoveAll<IEventLogDoorbell>();
        services.AddSingleton<IEventLog>(static sp => sp.GetRequiredService<TLog>());
        services.AddSingleton<IEventLogDoorbell>(static sp => sp.GetRequiredService<TLog>());
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)
            && ((typeof(TLog) != typeof(SqliteEventLog) && ReferenceEquals(d.ImplementationFactory, HostedSqliteLog))
                || (typeof(TLog) != typeof(PostgresEventLog) && ReferenceEquals(d.ImplementationFactory, HostedPostgresLog)))).ToList();
        hosted.ForEach(d => services.Remove(d));
    }
}
