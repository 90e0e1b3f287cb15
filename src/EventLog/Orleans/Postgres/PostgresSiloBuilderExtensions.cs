using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Orleans.Postgres;

/// <summary>
/// Orleans' own ADO.NET clustering, reminders and grain storage on PostgreSQL, with our schema applied first (once per
/// silo, whichever of these is called). The providers do the rest: membership's version compare-and-swap, reminder
/// ETags, InconsistentStateException on a stale grain-state ETag.
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>Membership in PostgreSQL: every silo of the cluster id in one table; each silo is also a gateway.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        AddSchema(builder, connectionString);
        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresOrleansSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Reminders in PostgreSQL (Orleans' ADO.NET reminder table).</summary>
    public static ISiloBuilder UsePostgresReminderService(this ISiloBuilder builder, string connectionString)
    {
        AddSchema(builder, connectionString);
        return builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = PostgresOrleansSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>The default grain storage (<c>[PersistentState("x")]</c> without a storage name) in PostgreSQL.</summary>
    public static ISiloBuilder AddPostgresGrainStorageAsDefault(this ISiloBuilder builder, string connectionString)
    {
        AddSchema(builder, connectionString);
        return builder.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, options =>
        {
            options.Invariant = PostgresOrleansSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    private static void AddSchema(ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, PostgresOrleansSchemaInitializer>(
            provider => new PostgresOrleansSchemaInitializer(
                connectionString, provider.GetRequiredService<ILogger<PostgresOrleansSchemaInitializer>>())));
    }
}
