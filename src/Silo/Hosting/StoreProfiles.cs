using System.Security.Cryptography;
using PolicingHub.EventLog.Hosting;
using PolicingHub.EventLog.Orleans;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Audit;
using PolicingHub.Silo.Hosting.Profiles;

namespace PolicingHub.Silo.Hosting;

/// <summary>
/// One Orleans configuration per store profile (DESIGN §5): clustering, event log, reminders, grain storage, audit key.
/// Embedded and in-memory live here; cluster and azure in <see cref="ClusterStoreProfile"/> and <see cref="AzureStoreProfile"/>.
/// </summary>
internal static class StoreProfiles
{
    public const string EventsFile = "events.db";
    public const string OrleansFile = "orleans.db";
    public const string AuditKeyFile = "audit-key.b64";
    public const string AuditCheckpointFile = "audit-checkpoint.json";

    /// <summary>
    /// The profile's event log, registered before Orleans so that it stops after the silo (grains finishing their
    /// last calls can still append). Embedded: the data folder is locked first, so a second silo never opens the files.
    /// Cluster and azure: the shared PostgreSQL log (PolicingHub:EventLog:Postgres, its connection string defaulting to
    /// PolicingHub:Postgres:ConnectionString).
    /// </summary>
    public static IServiceCollection AddEventLog(this IServiceCollection services, ProfileSettings settings)
    {
        switch (settings.Profile)
        {
            case StoreProfile.InMemory:
                return services.AddInMemoryEventLog();
            case StoreProfile.Cluster or StoreProfile.Azure:
                return services.AddPostgresEventLog(o =>
                {
                    if (string.IsNullOrWhiteSpace(o.ConnectionString))
                    {
                        o.ConnectionString = settings.Postgres.ConnectionString;
                    }
                });
            default:
                var data = Path.GetFullPath(settings.Silo.DataPath);
                var held = DataFolderLock.Acquire(data); // throws with a one-line reason when another silo holds it
                services.AddHostedService(_ => new DataFolderLease(held)); // registered first: stops last, after the log and the silo
                return services.AddSqliteEventLog(o => o.Path = Path.Combine(data, EventsFile));
        }
    }

    /// <summary>Configures the silo for the profile in <paramref name="settings"/>.</summary>
    public static ISiloBuilder UseStoreProfile(this ISiloBuilder silo, ProfileSettings settings) => settings.Profile switch
    {
        StoreProfile.InMemory => silo.UseInMemoryProfile(settings.Silo),
        StoreProfile.Cluster => silo.UseClusterProfile(settings),
        StoreProfile.Azure => silo.UseAzureProfile(settings),
        _ => silo.UseEmbeddedProfile(settings.Silo),
    };

    /// <summary>
    /// Embedded: one silo on localhost; the log in {data}/events.db, Orleans' reminders and grain state in
    /// {data}/orleans.db, the audit key in its own file. The log and the folder lock come from <see cref="AddEventLog"/>.
    /// </summary>
    public static ISiloBuilder UseEmbeddedProfile(this ISiloBuilder silo, SiloOptions options)
    {
        var data = Path.GetFullPath(options.DataPath);
        silo.UseLocalhostClustering(options.Orleans.SiloPort, options.Orleans.GatewayPort, null, options.Orleans.ServiceId, options.Orleans.ClusterId);
        silo.UseSqliteReminderService(o => o.Path = Path.Combine(data, OrleansFile));
        silo.AddSqliteGrainStorageAsDefault(Path.Combine(data, OrleansFile));
        return silo.UseSharedAuditKey(options);
    }

    /// <summary>Tests: everything in memory; the audit key lives as long as the process.</summary>
    public static ISiloBuilder UseInMemoryProfile(this ISiloBuilder silo, SiloOptions options)
    {
        silo.UseLocalhostClustering(options.Orleans.SiloPort, options.Orleans.GatewayPort, null, options.Orleans.ServiceId, options.Orleans.ClusterId);
        silo.UseInMemoryReminderService();
        silo.AddMemoryGrainStorageAsDefault();
        silo.Services.AddSingleton(new AuditKey(RandomNumberGenerator.GetBytes(32)));
        return silo;
    }

    /// <summary>
    /// The audit key and the newest checkpoint, in files under PolicingHub:DataPath, outside every database. Whichever
    /// silo hosts the seal grain must use the same key, so in a cluster every silo points DataPath at one shared folder
    /// (the key is created atomically by the first silo to start).
    /// </summary>
    public static ISiloBuilder UseSharedAuditKey(this ISiloBuilder silo, SiloOptions options)
    {
        var data = Path.GetFullPath(options.DataPath);
        silo.Services.AddSingleton(new AuditKey(KeyFile.LoadOrCreate(Path.Combine(data, AuditKeyFile), 32, "audit key", out _)));
        silo.Services.AddSingleton<IAuditCheckpointStore>(new FileAuditCheckpointStore(Path.Combine(data, AuditCheckpointFile)));
        return silo;
    }
}
