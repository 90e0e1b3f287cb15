using Orleans.Concurrency;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>A cooperation agreement (MOU), keyed by its id: lifecycle, response clauses, commitments. Scorecards are read models.</summary>
[Alias("ph.IAgreementGrain")]
public interface IAgreementGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Coordinators only; two or more registered parties; ConflictException when it exists.</summary>
    [Alias("Draft")]
    Task<AgreementView> Draft(DraftAgreement command);

    /// <summary>Draft → Signed.</summary>
    [Alias("Sign")]
    Task<AgreementView> Sign(SignAgreement command);

    /// <summary>Signed → Active.</summary>
    [Alias("Activate")]
    Task<AgreementView> Activate(ChangeAgreementStatus command);

    /// <summary>Active → Suspended (reason required).</summary>
    [Alias("Suspend")]
    Task<AgreementView> Suspend(ChangeAgreementStatus command);

    /// <summary>Suspended → Active.</summary>
    [Alias("Resume")]
    Task<AgreementView> Resume(ChangeAgreementStatus command);

    /// <summary>Signed, Active or Suspended → Terminated (reason required).</summary>
    [Alias("Terminate")]
    Task<AgreementView> Terminate(ChangeAgreementStatus command);

    /// <summary>Active or Suspended → Expired (also by reminder on ExpiresOn).</summary>
    [Alias("Expire")]
    Task<AgreementView> Expire(ChangeAgreementStatus command);

    /// <summary>Coordinators only, on a Signed or Active agreement; a reminder marks it overdue at its due time.</summary>
    [Alias("AddCommitment")]
    Task<CommitmentView> AddCommitment(AddCommitment command);

    /// <summary>The responsible party's partner or a coordinator, on an Active agreement.</summary>
    [Alias("ReportProgress")]
    Task<CommitmentView> ReportProgress(ReportCommitmentProgress command);

    [Alias("Fulfil")]
    Task<CommitmentView> Fulfil(FulfilCommitment command);

    /// <summary>Coordinators only.</summary>
    [Alias("Waive")]
    Task<CommitmentView> Waive(WaiveCommitment command);

    /// <summary>NotFoundException when never drafted.</summary>
    [ReadOnly, Alias("Get")]
    Task<AgreementView> Get();

    [ReadOnly, Alias("GetStatus")]
    Task<AgreementStatus> GetStatus();

    /// <summary>
    /// For a new request (task grains ask before they append): throws unless the agreement is Active, the assignee and
    /// requester are distinct parties and the area is covered; returns the deadlines its response clause gives.
    /// </summary>
    [ReadOnly, Alias("PlanRequest")]
    Task<ResponseDeadlines> PlanRequest(AgencyCode requester, AgencyCode assignee, CooperationArea area, Priority priority, DateTimeOffset at);

    /// <summary>Throws InvalidTransitionException unless the agreement is Active (tasks check before every change).</summary>
    [ReadOnly, Alias("EnsureActive")]
    Task EnsureActive();
}
