using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>Requests made under the agreement (tasks ask before they write) and its reminders.</summary>
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

    public Task<AgreementStatus> GetStatus() => Task.FromResult(Existing().Status);

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
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
        return EventSourcing.Reminders.Cancel(this, reminderName); // not ours (any more)
    }
}
