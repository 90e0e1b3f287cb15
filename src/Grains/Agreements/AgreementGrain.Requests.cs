using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Agreements;

/// <summary>Requests made under the agreement (tasks) and its reminders.</summary>
public sealed partial class AgreementGrain
{
    public Task<ResponseDeadlines> PlanRequest(AgencyCode requester, AgencyCode assignee, CooperationArea area, Priority priority, DateTimeOffset at)
    {
        var current = Existing();
        AgreementTransition.RequireStatus(Id, current.Status, "take requests", AgreementStatus.Active);
        if (!current.Parties.Contains(requester))
        {
            throw new DomainValidationException($"requestingAgency: {requester} is not a party to agreement {Id}");
        }
        if (!current.Parties.Contains(assignee))
        {
            throw new DomainValidationException($"assignee: {assignee} is not a party to agreement {Id}");
        }
        if (requester == assignee)
        {
            throw new DomainValidationException($"assignee: {assignee} cannot be assigned its own request");
        }
        if (!current.Areas.Contains(area))
        {
            throw new DomainValidationException($"area: {area} is not an area of agreement {Id}");
        }
        if (!Enum.IsDefined(priority))
        {
            throw new DomainValidationException($"priority: {priority} is not a priority");
        }
        var (acknowledge, answer) = AgreementRules.Windows(current.ResponseClauses, area, priority);
        return Task.FromResult(new ResponseDeadlines(at + acknowledge, at + answer));
    }

    public Task EnsureActive()
    {
        AgreementTransition.RequireStatus(Id, Existing().Status, "change its tasks", AgreementStatus.Active);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Idempotent per open task; a reassigned task's request moves to its new assignee. The agreement keeps only the
    /// open requests and per-agency counters, so a task not open here (never recorded, or answered) counts as new.
    /// </summary>
    public Task RecordRequest(TaskId task, AgencyCode requester, AgencyCode assignee)
        => CommitRequests(RequestLedger.Record(Existing(), task, requester, assignee));

    /// <summary>Idempotent per task: only the first answer to an open request counts; an answer to anything else changes nothing.</summary>
    public Task RecordAnswer(TaskId task, AgencyCode assignee, bool onTime)
        => CommitRequests(RequestLedger.Answer(Existing(), task, assignee, onTime));

    /// <summary>Idempotent: a cancelled task's request stays counted (sent, received, unanswered) but is no longer open.</summary>
    public Task RecordWithdrawal(TaskId task)
        => CommitRequests(RequestLedger.Withdraw(Existing(), task));

    private Task CommitRequests(AgreementState next) => ReferenceEquals(next, state.State) ? Task.CompletedTask : Commit(next, []);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ExpiryReminder)
        {
            return ExpireByReminder();
        }
        if (reminderName.StartsWith(CommitmentReminderPrefix, StringComparison.Ordinal)
            && int.TryParse(reminderName.AsSpan(CommitmentReminderPrefix.Length), out var number))
        {
            return MarkOverdue(number);
        }
        return UnregisterReminder(reminderName); // not ours (any more)
    }
}
