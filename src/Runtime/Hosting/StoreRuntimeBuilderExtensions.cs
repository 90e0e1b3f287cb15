using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Storage;
using PolicingHub.Runtime.Storage.InMemory;
using PolicingHub.Runtime.Storage.Sqlite;

namespace PolicingHub.Runtime.Hosting;

/// <summary>Chooses the store profile (DESIGN.md §5). The last <c>Use*Store</c> call wins.</summary>
public static class StoreRuntimeBuilderExtensions
{
    /// <summary>Tests only: grain state, events, command outcomes and reminders in memory, one instance serving all four.</summary>
    public static IRuntimeBuilder UseInMemoryStore(this IRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<InMemoryStore>();
        return builder.UseStore<InMemoryStore, InMemoryStore, InMemoryStore, InMemoryStore>();
    }

    /// <summary>
    /// The embedded profile: one SQLite file, bound from <see cref="SqliteStoreOptions.SectionName"/> and validated on
    /// start; <paramref name="configure"/> runs after binding.
    /// </summary>
    public static IRuntimeBuilder UseSqliteStore(this IRuntimeBuilder builder, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SqliteStoreOptions>()
            .BindConfiguration(SqliteStoreOptions.SectionName)
            .Validate(o => o.IsValid, $"{SqliteStoreOptions.SectionName}:Path must not be empty.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        builder.Services.TryAddSingleton<SqliteDatabase>();
        builder.Services.TryAddSingleton<SqliteGrainStorage>();
        builder.Services.TryAddSingleton<SqliteEventLog>();
        builder.Services.TryAddSingleton<SqliteCommandLedger>();
        builder.Services.TryAddSingleton<SqliteReminderTable>();
        return builder.UseStore<SqliteGrainStorage, SqliteEventLog, SqliteCommandLedger, SqliteReminderTable>();
    }

    private static IRuntimeBuilder UseStore<TStorage, TLog, TLedger, TReminders>(this IRuntimeBuilder builder)
        where TStorage : class, IGrainStorage
        where TLog : class, IEventLog
        where TLedger : class, ICommandLedger
        where TReminders : class, IReminderTable
    {
        var services = builder.Services;
        services.RemoveAll<IGrainStorage>();
        services.RemoveAll<IEventLog>();
        services.RemoveAll<ICommandLedger>();
        services.RemoveAll<IReminderTable>();
        services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<TStorage>());
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<TLog>());
        services.AddSingleton<ICommandLedger>(sp => sp.GetRequiredService<TLedger>());
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<TReminders>());
        return builder;
    }
}
