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

    /// <summary>Idempotent per task; a reassigned task's request moves to its new assignee.</summary>
    public async Task RecordRequest(TaskId task, AgencyCode requester, AgencyCode assignee)
    {
        var current = Existing();
        var existing = current.Requests.FirstOrDefault(r => r.Task == task);
        var record = new RequestRecord(task, requester, assignee, false, false);
        if (existing == record)
        {
            return;
        }
        var requests = existing is null ? current.Requests.Add(record) : current.Requests.Replace(existing, record);
        await Commit(current with { Requests = requests }, []);
    }

    /// <summary>Idempotent per task: only the first answer counts.</summary>
    public async Task RecordAnswer(TaskId task, AgencyCode assignee, bool onTime)
    {
        var current = Existing();
        var existing = current.Requests.FirstOrDefault(r => r.Task == task)
            ?? throw new NotFoundException($"task {task} is not a request under agreement {Id}");
        if (existing.Answered)
        {
            return;
        }
        var answered = existing with { Assignee = assignee, Answered = true, AnsweredOnTime = onTime };
        await Commit(current with { Requests = current.Requests.Replace(existing, answered) }, []);
    }

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
