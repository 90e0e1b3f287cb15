using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Agreements;

/// <summary>A cooperation agreement: drafting, signing and lifecycle (this file); commitments and requests in the partial files.</summary>
[GrainType("agreement")]
public sealed partial class AgreementGrain([PersistentState("agreement")] IPersistentState<AgreementState> state, TimeProvider time)
    : Grain, IAgreementGrain
{
    private const string ExpiryReminder = "expiry";

    private AgreementId Id => new(GrainKey);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<AgreementView> Draft(DraftAgreement command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "draft agreements");
        if (!AgreementId.IsValid(GrainKey))
        {
            throw new DomainValidationException($"id: '{GrainKey}' is not an agreement id (3–64 letters, digits or dashes)");
        }
        if (state.State.Exists)
        {
            throw new ConflictException($"agreement {Id} already exists");
        }
        var next = AgreementRules.Draft(command, Today);
        foreach (var party in next.Parties)
        {
            if (!await GrainFactory.GetGrain<IAgencyGrain>(party.Value).IsRegistered())
            {
                throw new DomainValidationException($"parties: {party} is not a registered agency");
            }
        }
        state.State = next;
        await state.WriteStateAsync([new AgreementDrafted(Id, next.Title, next.Parties, next.Areas, next.ResponseClauses, next.ExpiresOn)]);
        await NotifyParties(next);
        await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).AddAgreement(Id);
        return View(next);
    }

    public Task<AgreementView> Sign(SignAgreement command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, AgreementTransition.Sign.Action);
        var current = Existing();
        AgreementTransition.Sign.Apply(Id, current.Status);
        var signatories = AgreementRules.Signatories(command, Id, current.Parties, Today);
        var signed = current with { SignedOn = command.SignedOn, Signatories = signatories };
        return Transit(signed, AgreementTransition.Sign, null, new AgreementSigned(Id, command.SignedOn, signatories));
    }

    public Task<AgreementView> Activate(ChangeAgreementStatus command) => ChangeStatus(command, AgreementTransition.Activate);

    public Task<AgreementView> Suspend(ChangeAgreementStatus command) => ChangeStatus(command, AgreementTransition.Suspend);

    public Task<AgreementView> Resume(ChangeAgreementStatus command) => ChangeStatus(command, AgreementTransition.Resume);

    public Task<AgreementView> Terminate(ChangeAgreementStatus command) => ChangeStatus(command, AgreementTransition.Terminate);

    public Task<AgreementView> Expire(ChangeAgreementStatus command) => ChangeStatus(command, AgreementTransition.Expire);

    public Task<AgreementView> Get() => Task.FromResult(View(Existing()));

    private Task<AgreementView> ChangeStatus(ChangeAgreementStatus command, AgreementTransition transition)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, transition.Action);
        var current = Existing();
        transition.Apply(Id, current.Status);
        return Transit(current, transition, transition.ReasonOf(command.Reason));
    }

    /// <summary>Writes the status change (after any leading event), then tells the parties and keeps reminders in step.</summary>
    private async Task<AgreementView> Transit(AgreementState current, AgreementTransition transition, string? reason, object? leading = null)
    {
        var from = current.Status;
        var to = transition.Apply(Id, from);
        var next = current with { Status = to };
        var changed = new AgreementStatusChanged(Id, from, to, reason, next.Parties);
        await Commit(next, leading is null ? [changed] : [leading, changed]);
        await NotifyParties(next);
        if (transition == AgreementTransition.Activate && next.ExpiresOn is { } expires)
        {
            var due = expires.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - time.GetUtcNow().UtcDateTime;
            await RegisterOrUpdateReminder(ExpiryReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        else if (transition == AgreementTransition.Resume)
        {
            await ScheduleOpenCommitments(next);
        }
        else if (to is AgreementStatus.Terminated or AgreementStatus.Expired)
        {
            await EndCommitments(next);
        }
        return View(next);
    }

    /// <summary>The reminder "expiry" ends an agreement still in force on its expiry date.</summary>
    private async Task ExpireByReminder()
    {
        var current = state.State;
        if (current.Exists && AgreementTransition.Expire.From.Contains(current.Status))
        {
            await Transit(current, AgreementTransition.Expire, $"expired on {current.ExpiresOn:yyyy-MM-dd}");
        }
    }

    private async Task NotifyParties(AgreementState next)
    {
        foreach (var party in next.Parties)
        {
            await GrainFactory.GetGrain<IAgencyGrain>(party.Value).NoteAgreement(Id, next.Status);
        }
    }

    /// <summary>Writes the next state and its events, adding ScorecardChanged when the scorecard moved.</summary>
    private async Task Commit(AgreementState next, IReadOnlyList<object> events)
    {
        var scorecard = ScorecardCalculator.Compute(next);
        var all = ScorecardCalculator.Same(ScorecardCalculator.Compute(state.State), scorecard)
            ? events
            : [.. events, new ScorecardChanged(Id, scorecard)];
        state.State = next;
        await state.WriteStateAsync(all);
    }

    private AgreementState Existing() => state.State.Exists
        ? state.State
        : throw new NotFoundException($"agreement {GrainKey} does not exist");

    private AgreementView View(AgreementState s) => new(Id, s.Title, s.Parties, s.Areas, s.ResponseClauses, s.Status, s.SignedOn,
        s.Signatories, s.ExpiresOn, s.Commitments, ScorecardCalculator.Compute(s));
}
