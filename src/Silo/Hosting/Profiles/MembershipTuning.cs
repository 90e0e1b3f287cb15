using Orleans.Configuration;

namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>Applies <see cref="MembershipTuningOptions"/> to Orleans' <see cref="ClusterMembershipOptions"/> (cluster and azure profiles).</summary>
internal static class MembershipTuning
{
    public static ISiloBuilder UseTunedMembership(this ISiloBuilder silo, MembershipTuningOptions tuning)
    {
        if (!tuning.Tuned)
        {
            return silo;
        }
        return silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = tuning.ProbeTimeout;
            o.NumMissedProbesLimit = tuning.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = tuning.NumVotesForDeathDeclaration;
            o.DeathVoteExpirationTimeout = tuning.DeathVoteExpirationTimeout;
            o.IAmAliveTablePublishTimeout = tuning.IAmAliveTablePublishTimeout;
            o.TableRefreshTimeout = tuning.TableRefreshTimeout;
        });
    }

    /// <summary>Cluster and azure profiles: this silo's endpoints as other silos and clients reach them, and the cluster's identity.</summary>
    public static ISiloBuilder UseClusterEndpoints(this ISiloBuilder silo, SiloOptions.OrleansEndpoints endpoints)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId));
        return silo.ConfigureEndpoints(endpoints.AdvertisedHost, endpoints.SiloPort, endpoints.GatewayPort,
            listenOnAnyHostAddress: endpoints.ListenOnAnyAddress);
    }
}
