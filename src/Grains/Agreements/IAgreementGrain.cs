using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Agreements;

/// <summary>A cooperation agreement (MOU), keyed by its id: lifecycle, response clauses, commitments, scorecard.</summary>
public interface IAgreementGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Coordinators only; two or more registered parties; ConflictException when it exists.</summary>
    Task<AgreementView> Draft(DraftAgreement command);

    /// <summary>Draft → Signed.</summary>
    Task<AgreementView> Sign(SignAgreement command);

    /// <summary>Signed → Active.</summary>
    Task<AgreementView> Activate(ChangeAgreementStatus command);

    /// <summary>Active → Suspended (reason required).</summary>
    Task<AgreementView> Suspend(ChangeAgreementStatus command);

    /// <summary>Suspended → Active.</summary>
    Task<AgreementView> Resume(ChangeAgreementStatus command);

    /// <summary>Signed, Active or Suspended → Terminated (reason required).</summary>
    Task<AgreementView> Terminate(ChangeAgreementStatus command);

    /// <summary>Active or Suspended → Expired (also by reminder on ExpiresOn).</summary>
    Task<AgreementView> Expire(ChangeAgreementStatus command);

    /// <summary>Coordinators only, on a Signed or Active agreement; a reminder marks it overdue at its due time.</summary>
    Task<CommitmentView> AddCommitment(AddCommitment command);

    Task<CommitmentView> ReportProgress(ReportCommitmentProgress command);

    Task<CommitmentView> Fulfil(FulfilCommitment command);

    Task<CommitmentView> Waive(WaiveCommitment command);

    /// <summary>NotFoundException when never drafted.</summary>
    [ReadOnly]
    Task<AgreementView> Get();

    /// <summary>
    /// For a new request: throws unless the agreement is Active, the assignee and requester are distinct parties and
    /// the area is covered; returns the deadlines its response clause gives (defaults when it has none).
    /// </summary>
    [ReadOnly]
    Task<ResponseDeadlines> PlanRequest(AgencyCode requester, AgencyCode assignee, CooperationArea area, Priority priority, DateTimeOffset at);

    /// <summary>Throws InvalidTransitionException unless the agreement is Active (tasks check before every change).</summary>
    [ReadOnly]
    Task EnsureActive();

    /// <summary>Task grains report requests for the scorecard: sent by the requester, received by the assignee, answered (on time or not).</summary>
    Task RecordRequest(TaskId task, AgencyCode requester, AgencyCode assignee);

    Task RecordAnswer(TaskId task, AgencyCode assignee, bool onTime);

    /// <summary>A cancelled task's request will never be answered: it stays on the scorecard as unanswered and stops being open.</summary>
    Task RecordWithdrawal(TaskId task);
}
