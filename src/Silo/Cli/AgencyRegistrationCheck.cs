using PolicingHub.EventLog;
using PolicingHub.EventLog.Hosting;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Silo.Hosting;
using PolicingHub.Silo.Hosting.Profiles;

namespace PolicingHub.Silo.Cli;

/// <summary>
/// The token CLI's check that a partner's agency is registered: it reads the agency's stream ("agency/CODE") in the
/// event log of the configured data folder (PolicingHub:DataPath/events.db, the same file the silo writes; SQLite
/// readers run beside the silo's writer). The log is the source of truth, so this works whether or not a silo runs.
/// The InMemory store has no log outside its process: partner tokens cannot be checked there and are refused.
/// </summary>
internal static class AgencyRegistrationCheck
{
    private static readonly string RegisteredType = DomainEvents.NameOf(typeof(AgencyRegistered));

    /// <summary>Why no token may be issued for <paramref name="agency"/>, or null when it is registered.</summary>
    public static async Task<string?> ProblemAsync(IConfiguration configuration, string agency)
    {
        var silo = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton(TimeProvider.System);
        string where;
        switch (silo.EffectiveProfile)
        {
            case StoreProfile.InMemory:
                return "the InMemory store keeps no event log on disk, so the agency's registration cannot be checked";
            case StoreProfile.Cluster or StoreProfile.Azure:
                var postgres = configuration.GetSection(PostgresStoreOptions.SectionName).Get<PostgresStoreOptions>()?.ConnectionString;
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    return $"the {silo.EffectiveProfile} profile keeps its event log in PostgreSQL, and {PostgresStoreOptions.SectionName}:ConnectionString is not set";
                }
                services.AddPostgresEventLog(o =>
                {
                    o.ConnectionString = postgres;
                    o.CreateSchema = false;
                });
                where = "the PostgreSQL event log";
                break;
            default:
                var file = Path.Combine(Path.GetFullPath(silo.DataPath), StoreProfiles.EventsFile);
                if (!File.Exists(file))
                {
                    return $"no event log at {file}: start the silo on this data folder and register {agency} first";
                }
                services.AddSqliteEventLog(o => o.Path = file);
                where = file;
                break;
        }
        await using var provider = services.BuildServiceProvider();
        var log = provider.GetRequiredService<IEventLog>();
        var first = await log.ReadStreamAsync($"agency/{agency}", 0, 1).ConfigureAwait(false);
        return first.Any(e => e.Type == RegisteredType)
            ? null
            : $"agency {agency} is not registered (no {RegisteredType} in {where}); register it first (POST /api/agencies)";
    }
}
