using Orleans.Concurrency;

namespace PolicingHub.Grains.Agencies;

/// <summary>A partner agency, keyed by its agency code (e.g. JP-NPA): profile, readiness and console presence.</summary>
[Alias("ph.IAgencyGrain")]
public interface IAgencyGrain : IGrainWithStringKey
{
    /// <summary>Coordinators only; ConflictException when already registered.</summary>
    [Alias("Register")]
    Task<AgencyProfile> Register(RegisterAgency command);

    /// <summary>NotFoundException when the agency was never registered.</summary>
    [ReadOnly, Alias("Get")]
    Task<AgencyProfile> Get();

    [ReadOnly, Alias("IsRegistered")]
    Task<bool> IsRegistered();

    /// <summary>A coordinator, or a partner of this agency.</summary>
    [Alias("SetReadiness")]
    Task<AgencyProfile> SetReadiness(SetReadiness command);

    /// <summary>The gateway tells the agency a console of it connected / disconnected (its presence; not kept across restarts).</summary>
    [Alias("ConsoleConnected")]
    Task ConsoleConnected(string connectionId);

    [Alias("ConsoleDisconnected")]
    Task ConsoleDisconnected(string connectionId);
}
