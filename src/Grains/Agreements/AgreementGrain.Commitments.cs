using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;

namespace PolicingHub.Grains.Agreements;

/// <summary>Commitments: numbered 1..n, overdue by reminder at their due time, closed by fulfilment or waiver.</summary>
public sealed partial class AgreementGrain
{
    private const string CommitmentReminderPrefix = "commitment-";

    public async Task<CommitmentView> AddCommitment(AddCommitment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "add commitments");
        var current = Existing();
        AgreementTransition.RequireStatus(Id, current.Status, "add a commitment", AgreementStatus.Signed, AgreementStatus.Active);
        if (!current.Areas.Contains(command.Area))
        {
            throw new DomainValidationException($"area: {command.Area} is not an area of agreement {Id}");
        }
        var text = Require.Text(command.Text, "text");
        if (!current.Parties.Contains(command.ResponsibleParty))
        {
            throw new DomainValidationException($"responsibleParty: {command.ResponsibleParty} is not a party to agreement {Id}");
        }
        var now = time.GetUtcNow();
        Require.Future(command.DueAt, now, "dueAt");
        var commitment = new CommitmentView(current.Commitments.Length + 1, command.Area, text, command.ResponsibleParty, command.DueAt,
            CommitmentStatus.Open, null, []);
        await Commit(current with { Commitments = current.Commitments.Add(commitment) }, [new CommitmentAdded(Id, commitment)]);
        await RegisterOrUpdateReminder(CommitmentReminderPrefix + commitment.Number, command.DueAt - now, Timeout.InfiniteTimeSpan);
        return commitment;
    }

    public async Task<CommitmentView> ReportProgress(ReportCommitmentProgress command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (current, commitment) = OpenCommitment(command.Actor, command.Commitment, "report progress on");
        var note = new ProgressNote(time.GetUtcNow(), command.Actor.Subject, Require.Text(command.Note, "note"));
        var next = commitment with { Progress = commitment.Progress.Add(note) };
        await Commit(Replace(current, next), [new CommitmentProgressReported(Id, next.Number, note)]);
        return next;
    }

    public async Task<CommitmentView> Fulfil(FulfilCommitment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (current, commitment) = OpenCommitment(command.Actor, command.Commitment, "fulfil");
        var now = time.GetUtcNow();
        var progress = string.IsNullOrWhiteSpace(command.Note)
            ? commitment.Progress
            : commitment.Progress.Add(new ProgressNote(now, command.Actor.Subject, Require.Text(command.Note, "note")));
        var next = commitment with { Status = CommitmentStatus.Fulfilled, ClosedAt = now, Progress = progress };
        await Commit(Replace(current, next), [new CommitmentFulfilled(Id, next.Number, now, now <= next.DueAt)]);
        await AfterClosing(commitment);
        return next;
    }

    public async Task<CommitmentView> Waive(WaiveCommitment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "waive commitments");
        var current = Existing();
        var commitment = FindCommitment(current, command.Commitment);
        AgreementTransition.RequireStatus(Id, current.Status, "waive a commitment", AgreementStatus.Signed, AgreementStatus.Active);
        RequireOpen(commitment, "waive");
        var reason = Require.Text(command.Reason, "reason");
        var next = commitment with { Status = CommitmentStatus.Waived, ClosedAt = time.GetUtcNow() };
        await Commit(Replace(current, next), [new CommitmentWaived(Id, next.Number, reason)]);
        await AfterClosing(commitment);
        return next;
    }

    /// <summary>The reminder "commitment-n" fired: an open commitment of an agreement in force becomes overdue.</summary>
    private async Task MarkOverdue(int number)
    {
        var current = state.State;
        var commitment = current.Commitments.FirstOrDefault(c => c.Number == number);
        if (commitment is not { Status: CommitmentStatus.Open } || current.Status is not (AgreementStatus.Signed or AgreementStatus.Active))
        {
            return; // closed meanwhile, or the agreement is suspended (Resume reschedules) or over
        }
        var next = commitment with { Status = CommitmentStatus.Overdue };
        await Commit(Replace(current, next) with { WentOverdue = current.WentOverdue.With(number) },
            [new CommitmentOverdue(Id, number, next.ResponsibleParty, next.DueAt)]);
        await GrainFactory.GetGrain<IAgencyGrain>(next.ResponsibleParty.Value).NoteCommitmentOverdue(Reference(number), true);
    }

    /// <summary>A closed commitment needs no reminder, and an overdue one no longer counts against its party.</summary>
    private async Task AfterClosing(CommitmentView before)
    {
        if (before.Status == CommitmentStatus.Overdue)
        {
            await GrainFactory.GetGrain<IAgencyGrain>(before.ResponsibleParty.Value).NoteCommitmentOverdue(Reference(before.Number), false);
        }
        else
        {
            await UnregisterReminder(CommitmentReminderPrefix + before.Number);
        }
    }

    private async Task ScheduleOpenCommitments(AgreementState current)
    {
        var now = time.GetUtcNow();
        foreach (var commitment in current.Commitments.Where(c => c.Status == CommitmentStatus.Open))
        {
            var due = commitment.DueAt - now;
            await RegisterOrUpdateReminder(CommitmentReminderPrefix + commitment.Number, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A terminated or expired agreement keeps no reminders, and its overdue commitments stop counting against parties.</summary>
    private async Task EndCommitments(AgreementState current)
    {
        await UnregisterReminder(ExpiryReminder);
        foreach (var commitment in current.Commitments.Where(c => c.Status is CommitmentStatus.Open or CommitmentStatus.Overdue))
        {
            await AfterClosing(commitment);
        }
    }

    private (AgreementState Current, CommitmentView Commitment) OpenCommitment(Actor actor, int number, string verb)
    {
        ActorRules.RequireNotOperator(actor, verb + " commitments");
        var current = Existing();
        var commitment = FindCommitment(current, number);
        ActorRules.RequireCoordinatorOrPartnerOf(actor, commitment.ResponsibleParty, verb + " commitments of " + commitment.ResponsibleParty);
        AgreementTransition.RequireStatus(Id, current.Status, verb + " a commitment", AgreementStatus.Active);
        RequireOpen(commitment, verb);
        return (current, commitment);
    }

    private CommitmentView FindCommitment(AgreementState current, int number)
        => current.Commitments.FirstOrDefault(c => c.Number == number)
           ?? throw new NotFoundException($"commitment {number} of agreement {Id} does not exist");

    private void RequireOpen(CommitmentView commitment, string verb)
    {
        if (commitment.Status is not (CommitmentStatus.Open or CommitmentStatus.Overdue))
        {
            throw new InvalidTransitionException($"commitment {commitment.Number} of agreement {Id} is {commitment.Status}; cannot {verb} it");
        }
    }

    private string Reference(int number) => $"{Id}#{number}";

    private static AgreementState Replace(AgreementState current, CommitmentView next)
        => current with { Commitments = current.Commitments.Replace(current.Commitments.First(c => c.Number == next.Number), next) };
}
