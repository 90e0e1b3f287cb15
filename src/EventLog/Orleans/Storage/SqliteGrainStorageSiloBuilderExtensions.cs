using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// Grain storage on a SQLite file through Orleans' own ADO.NET provider: our schema is applied when the silo starts,
/// then Orleans' <c>AddAdoNetGrainStorage</c> does the rest (ETags, InconsistentStateException, serialization).
/// </summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds a named grain storage kept in the SQLite file at <paramref name="path"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var connectionString = SqliteGrainStorageSchema.ConnectionString(path);
        builder.ConfigureServices(services => services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider =>
            new SqliteGrainStorageSchemaInitializer(
                name,
                connectionString,
                provider.GetRequiredService<ILogger<SqliteGrainStorageSchemaInitializer>>())));

        return builder.AddAdoNetGrainStorage(name, options =>
        {
            options.Invariant = SqliteGrainStorageSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Adds the default grain storage (used by <c>[PersistentState("x")]</c> without a storage name).</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, string path) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, path);
}
