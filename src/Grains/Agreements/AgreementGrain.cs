using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Placement;
using PolicingHub.Grains.Rules;

namespace PolicingHub.Grains.Agreements;

/// <summary>A cooperation agreement on "agreement/{id}": drafting, signing and lifecycle (this file); commitments and requests in the partial files.</summary>
[GrainType("agreement")]
[HomeRegionPlacement]
public sealed partial class AgreementGrain([FromKeyedServices(DomainTime.Key)] TimeProvider time)
    : EventSourcedGrain<AgreementState>, IAgreementGrain
{
    private const string ExpiryReminder = "expiry";

    protected override string StreamKind => "agreement";

    private AgreementId Id => new(Key);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    protected override AgreementState Apply(AgreementState state, object @event) => state.Apply(@event);

    public Task<AgreementView> Draft(DraftAgreement command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute<AgreementView>(nameof(Draft), command.Actor, command, async () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "draft agreements");
            if (!AgreementId.IsValid(Key))
            {
                throw new DomainValidationException($"id: '{Key}' is not an agreement id (3–64 letters, digits or dashes)");
            }
            if (State.Exists)
            {
                throw new ConflictException($"agreement {Id} already exists");
            }
            var drafted = AgreementRules.Draft(Id, command, Today);
            foreach (var party in drafted.Parties)
            {
                if (!await GrainFactory.Reference<IAgencyGrain>(party.Value).IsRegistered())
                {
                    throw new DomainValidationException($"parties: {party} is not a registered agency");
                }
            }
            return [drafted];
        }, View);
    }

    public Task<AgreementView> Sign(SignAgreement command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute(nameof(Sign), command.Actor, command, () =>
        {
            ActorRules.RequireCoordinator(command.Actor, AgreementTransition.Sign.Action);
            var current = Existing();
            AgreementTransition.Sign.Apply(Id, current.Status);
            var signatories = AgreementRules.Signatories(command, Id, current.Parties, Today);
            return Transit(current, AgreementTransition.Sign, null, new AgreementSigned(Id, command.SignedOn, signatories));
        }, View);
    }

    public Task<AgreementView> Activate(ChangeAgreementStatus command) => ChangeStatus(nameof(Activate), command, AgreementTransition.Activate);

    public Task<AgreementView> Suspend(ChangeAgreementStatus command) => ChangeStatus(nameof(Suspend), command, AgreementTransition.Suspend);

    public Task<AgreementView> Resume(ChangeAgreementStatus command) => ChangeStatus(nameof(Resume), command, AgreementTransition.Resume);

    public Task<AgreementView> Terminate(ChangeAgreementStatus command) => ChangeStatus(nameof(Terminate), command, AgreementTransition.Terminate);

    public Task<AgreementView> Expire(ChangeAgreementStatus command) => ChangeStatus(nameof(Expire), command, AgreementTransition.Expire);

    public Task<AgreementView> Get() => Task.FromResult(View(Existing()));

    private async Task<AgreementView> ChangeStatus(string name, ChangeAgreementStatus command, AgreementTransition transition)
    {
        ArgumentNullException.ThrowIfNull(command);
        var view = await Execute(name, command.Actor, command, () =>
        {
            ActorRules.RequireCoordinator(command.Actor, transition.Action);
            var current = Existing();
            transition.Apply(Id, current.Status);
            return Transit(current, transition, transition.ReasonOf(command.Reason));
        }, View);
        await AfterTransit(view.Status);
        return view;
    }

    /// <summary>The status change's events (after any leading event); reminders the new status needs are registered first.</summary>
    private async Task<IReadOnlyList<object>> Transit(AgreementState current, AgreementTransition transition, string? reason, object? leading = null)
    {
        var to = transition.Apply(Id, current.Status);
        var now = time.GetUtcNow();
        if (transition == AgreementTransition.Activate && current.ExpiresOn is { } expires)
        {
            await Reminders.Schedule(this, ExpiryReminder, expires.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), now);
        }
        else if (transition == AgreementTransition.Resume)
        {
            await ScheduleOpenCommitments(current, now);
        }
        var changed = new AgreementStatusChanged(Id, current.Status, to, reason, current.Parties);
        return leading is null ? [changed] : [leading, changed];
    }

    /// <summary>After the append: an agreement that is over keeps no reminders.</summary>
    private async Task AfterTransit(AgreementStatus status)
    {
        if (status is AgreementStatus.Terminated or AgreementStatus.Expired)
        {
            await Reminders.Cancel(this, ExpiryReminder);
            foreach (var commitment in State.Commitments)
            {
                await Reminders.Cancel(this, CommitmentReminder(commitment.Number));
            }
        }
    }

    /// <summary>The reminder "expiry" ends an agreement still in force on its expiry date.</summary>
    private async Task ExpireByReminder()
    {
        var current = State;
        if (current is not { Exists: true, ExpiresOn: { } expires } || !AgreementTransition.Expire.From.Contains(current.Status))
        {
            await Reminders.Cancel(this, ExpiryReminder);
            return;
        }
        var due = expires.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var now = time.GetUtcNow();
        if (now < due)
        {
            await Reminders.Schedule(this, ExpiryReminder, due, now); // a step towards a far expiry
            return;
        }
        await AppendSystemEventsAsync(await Transit(current, AgreementTransition.Expire, $"expired on {expires:yyyy-MM-dd}"));
        await AfterTransit(State.Status);
    }

    private AgreementState Existing() => State.Exists
        ? State
        : throw new NotFoundException($"agreement {Key} does not exist");

    private AgreementView View(AgreementState s) => new(Id, s.Title, s.Parties, s.Areas, s.ResponseClauses, s.Status, s.SignedOn,
        s.Signatories, s.ExpiresOn, s.Commitments);
}
