using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace PolicingHub.EventLog.Orleans;

/// <summary>Uses <see cref="SqliteReminderTable"/> as the silo's reminder table (and turns Orleans' reminder service on).</summary>
public static class SqliteReminderServiceExtensions
{
    /// <summary>Adds Orleans reminders, stored in a SQLite file.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        return builder.ConfigureServices(services => services.UseSqliteReminderService(configureOptions));
    }

    /// <summary>Adds Orleans reminders, stored in a SQLite file; the silo overload forwards here.</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, Action<SqliteReminderTableOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureOptions);
        services.AddReminders();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddOptions<SqliteReminderTableOptions>().Configure(configureOptions);
        services.ConfigureFormatter<SqliteReminderTableOptions>();
        services.AddSingleton<IConfigurationValidator, SqliteReminderTableOptionsValidator>();
        return services;
    }
}
