using PolicingHub.EventLog.Orleans.Postgres;

namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>
/// Cluster: any number of silos on one PostgreSQL database — Orleans' ADO.NET membership, reminders and grain state
/// (our schema, applied on start), and the event log's table (added by <see cref="StoreProfiles.AddEventLog"/>). Every
/// silo is also a gateway. Membership is tuned for fast failure detection (<see cref="MembershipTuningOptions"/>).
/// </summary>
internal static class ClusterStoreProfile
{
    public static ISiloBuilder UseClusterProfile(this ISiloBuilder silo, ProfileSettings settings)
    {
        var postgres = settings.Postgres.ConnectionString;
        silo.UseClusterEndpoints(settings.Silo.Orleans);
        silo.UsePostgresClustering(postgres);
        silo.UsePostgresReminderService(postgres);
        silo.AddPostgresGrainStorageAsDefault(postgres);
        silo.UseTunedMembership(settings.Membership);
        silo.UseSharedAuditKey(settings.Silo);
        return silo;
    }
}
