using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Agencies;

/// <summary>A partner agency, keyed by its agency code (e.g. JP-NPA): profile, live status, agreements and open tasks.</summary>
public interface IAgencyGrain : IGrainWithStringKey
{
    /// <summary>Coordinators only; ConflictException when already registered.</summary>
    Task<AgencyView> Register(RegisterAgency command);

    /// <summary>NotFoundException when the agency was never registered.</summary>
    [ReadOnly]
    Task<AgencyView> Get();

    [ReadOnly]
    Task<bool> IsRegistered();

    /// <summary>A coordinator, or a partner of this agency.</summary>
    Task<AgencyView> SetReadiness(SetReadiness command);

    /// <summary>The gateway tells the agency a console of it connected / disconnected (live status).</summary>
    Task ConsoleConnected(string connectionId);

    Task ConsoleDisconnected(string connectionId);

    /// <summary>Agreement grains keep the agency's list of agreements current.</summary>
    Task NoteAgreement(AgreementId agreement, AgreementStatus status);

    /// <summary>Task grains keep the agency's open tasks current (open = not completed, declined or cancelled, and assigned to it).</summary>
    Task NoteTask(TaskId task, bool open);

    /// <summary>Agreement grains report a commitment of this agency becoming overdue (or no longer counting as overdue).</summary>
    Task NoteCommitmentOverdue(string commitmentRef, bool overdue);
}
