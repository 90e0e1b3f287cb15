namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>
/// PolicingHub:Membership — how fast a dead silo is declared dead in the cluster and azure profiles. The defaults were
/// measured here (PACKAGES.md): a kill -9 is detected in 0.6–1.0 s on loopback with no false deaths at light load,
/// where Orleans' own defaults took 1.5–2.6 s in the S5 benchmark on loopback. <see cref="Tuned"/> false keeps Orleans' defaults (for comparison runs).
/// </summary>
public sealed class MembershipTuningOptions
{
    public const string SectionName = "PolicingHub:Membership";

    /// <summary>Apply the settings below (true), or leave Orleans' membership defaults untouched (false).</summary>
    public bool Tuned { get; set; } = true;

    /// <summary>How long a probe (ping) to another silo may take before it counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row before a silo suspects the one it probes.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>Suspicions (votes) needed to declare a silo dead.</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a suspicion vote counts.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a silo writes its I-am-alive time to the membership table.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a silo re-reads the membership table.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
