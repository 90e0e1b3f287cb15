using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
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
        var added = await Execute<CommitmentView>(nameof(AddCommitment), command.Actor, command, async () =>
        {
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
            var number = current.Commitments.Length + 1;
            await Reminders.Schedule(this, CommitmentReminder(number), command.DueAt, now);
            return [new CommitmentAdded(Id, new CommitmentView(number, command.Area, text, command.ResponsibleParty, command.DueAt,
                CommitmentStatus.Open, null, []))];
        }, s => s.Commitments[^1]);
        return added;
    }

    public Task<CommitmentView> ReportProgress(ReportCommitmentProgress command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute(nameof(ReportProgress), command.Actor, command, () =>
        {
            var commitment = OpenCommitment(command.Actor, command.Commitment, "report progress on");
            var note = new ProgressNote(time.GetUtcNow(), command.Actor.Subject, Require.Text(command.Note, "note"));
            return Events(new CommitmentProgressReported(Id, commitment.Number, note));
        }, s => Find(s, command.Commitment));
    }

    public async Task<CommitmentView> Fulfil(FulfilCommitment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fulfilled = await Execute(nameof(Fulfil), command.Actor, command, () =>
        {
            var commitment = OpenCommitment(command.Actor, command.Commitment, "fulfil");
            var now = time.GetUtcNow();
            var note = string.IsNullOrWhiteSpace(command.Note)
                ? null
                : new CommitmentProgressReported(Id, commitment.Number, new ProgressNote(now, command.Actor.Subject, Require.Text(command.Note, "note")));
            var done = new CommitmentFulfilled(Id, commitment.Number, now, now <= commitment.DueAt);
            return note is null ? Events(done) : Events(note, done);
        }, s => Find(s, command.Commitment));
        await Reminders.Cancel(this, CommitmentReminder(fulfilled.Number));
        return fulfilled;
    }

    public async Task<CommitmentView> Waive(WaiveCommitment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var waived = await Execute(nameof(Waive), command.Actor, command, () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "waive commitments");
            var current = Existing();
            var commitment = FindCommitment(current, command.Commitment);
            AgreementTransition.RequireStatus(Id, current.Status, "waive a commitment", AgreementStatus.Signed, AgreementStatus.Active);
            RequireOpen(commitment, "waive");
            var reason = Require.Text(command.Reason, "reason");
            return Events(new CommitmentWaived(Id, commitment.Number, reason, time.GetUtcNow()));
        }, s => Find(s, command.Commitment));
        await Reminders.Cancel(this, CommitmentReminder(waived.Number));
        return waived;
    }

    /// <summary>The reminder "commitment-n" fired: an open commitment of an agreement in force becomes overdue at its due time.</summary>
    private async Task MarkOverdue(int number)
    {
        var current = State;
        var commitment = current.Commitments.FirstOrDefault(c => c.Number == number);
        if (commitment is not { Status: CommitmentStatus.Open } || current.Status is not (AgreementStatus.Signed or AgreementStatus.Active))
        {
            // closed meanwhile, or the agreement is suspended (Resume reschedules) or over
            await Reminders.Cancel(this, CommitmentReminder(number));
            return;
        }
        var now = time.GetUtcNow();
        if (now < commitment.DueAt)
        {
            await Reminders.Schedule(this, CommitmentReminder(number), commitment.DueAt, now);
            return;
        }
        await AppendSystemEventsAsync([new CommitmentOverdue(Id, number, commitment.ResponsibleParty, commitment.DueAt)]);
        await Reminders.Cancel(this, CommitmentReminder(number));
    }

    private async Task ScheduleOpenCommitments(AgreementState current, DateTimeOffset now)
    {
        foreach (var commitment in current.Commitments.Where(c => c.Status == CommitmentStatus.Open))
        {
            await Reminders.Schedule(this, CommitmentReminder(commitment.Number), commitment.DueAt, now);
        }
    }

    private CommitmentView OpenCommitment(Actor actor, int number, string verb)
    {
        ActorRules.RequireNotOperator(actor, verb + " commitments");
        var current = Existing();
        var commitment = FindCommitment(current, number);
        ActorRules.RequireCoordinatorOrPartnerOf(actor, commitment.ResponsibleParty, verb + " commitments of " + commitment.ResponsibleParty);
        AgreementTransition.RequireStatus(Id, current.Status, verb + " a commitment", AgreementStatus.Active);
        RequireOpen(commitment, verb);
        return commitment;
    }

    private CommitmentView FindCommitment(AgreementState current, int number)
        => current.Commitments.FirstOrDefault(c => c.Number == number)
           ?? throw new NotFoundException($"commitment {number} of agreement {Id} does not exist");

    private static CommitmentView Find(AgreementState state, int number) => state.Commitments.First(c => c.Number == number);

    private void RequireOpen(CommitmentView commitment, string verb)
    {
        if (commitment.Status is not (CommitmentStatus.Open or CommitmentStatus.Overdue))
        {
            throw new InvalidTransitionException($"commitment {commitment.Number} of agreement {Id} is {commitment.Status}; cannot {verb} it");
        }
    }

    private static string CommitmentReminder(int number) => CommitmentReminderPrefix + number;
}
