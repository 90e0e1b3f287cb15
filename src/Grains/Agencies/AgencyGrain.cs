using System.Collections.Immutable;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Agencies;

/// <summary>A partner agency: profile, live status (consoles, readiness, open tasks, overdue commitments), agreements.</summary>
[GrainType("agency")]
public sealed class AgencyGrain([PersistentState("agency")] IPersistentState<AgencyState> state, TimeProvider time)
    : Grain, IAgencyGrain
{
    private AgencyCode Code => new(GrainKey);

    public async Task<AgencyView> Register(RegisterAgency command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinator(command.Actor, "register agencies");
        if (!AgencyCode.IsValid(GrainKey))
        {
            throw new DomainValidationException($"code: '{GrainKey}' is not an agency code (two capital letters, a dash, 2–12 capitals or digits, e.g. JP-NPA)");
        }
        if (state.State.Registration is not null)
        {
            throw new ConflictException($"agency {Code} is already registered");
        }
        var registered = new AgencyRegistered(
            Code,
            Require.Text(command.Name, "name", 200),
            Code.Country,
            Require.Text(command.HomeRegion, "homeRegion", 100),
            command.Languages.OrEmpty().Distinct().ToImmutableArray(),
            command.Capabilities.OrEmpty().Distinct().ToImmutableArray(),
            ValidContacts(command.Contacts.OrEmpty()),
            time.GetUtcNow());
        var next = state.State with { Registration = registered };
        state.State = next;
        await state.WriteStateAsync([registered, new AgencyStatusChanged(Code, next.LiveStatus)]);
        await GrainFactory.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).AddAgency(Code);
        return View(next);
    }

    public Task<AgencyView> Get() => Task.FromResult(View(Registered()));

    public Task<bool> IsRegistered() => Task.FromResult(state.State.Registration is not null);

    public async Task<AgencyView> SetReadiness(SetReadiness command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActorRules.RequireCoordinatorOrPartnerOf(command.Actor, Code, "set the readiness of " + Code);
        var current = Registered();
        if (!Enum.IsDefined(command.Readiness))
        {
            throw new DomainValidationException($"readiness: {command.Readiness} is not a readiness level");
        }
        await Commit(current with { Readiness = command.Readiness });
        return View(state.State);
    }

    public Task ConsoleConnected(string connectionId)
    {
        var current = Registered();
        var id = Require.Text(connectionId, "connectionId", 200);
        return current.Consoles.Contains(id)
            ? Task.CompletedTask
            : Commit(current with { Consoles = current.Consoles.Add(id), LastSeen = time.GetUtcNow() });
    }

    public Task ConsoleDisconnected(string connectionId)
    {
        var current = Registered();
        return connectionId is null || !current.Consoles.Contains(connectionId)
            ? Task.CompletedTask
            : Commit(current with { Consoles = current.Consoles.Remove(connectionId), LastSeen = time.GetUtcNow() });
    }

    public Task NoteAgreement(AgreementId agreement, AgreementStatus status)
    {
        var current = Registered();
        var noted = new AgencyAgreement(agreement, status);
        var existing = current.Agreements.FirstOrDefault(a => a.Agreement == agreement);
        if (existing == noted)
        {
            return Task.CompletedTask;
        }
        var agreements = existing is null ? current.Agreements.Add(noted) : current.Agreements.Replace(existing, noted);
        return Commit(current with { Agreements = agreements });
    }

    public Task NoteTask(TaskId task, bool open)
    {
        var current = Registered();
        if (current.OpenTasks.Contains(task) == open)
        {
            return Task.CompletedTask;
        }
        return Commit(current with { OpenTasks = open ? current.OpenTasks.Add(task) : current.OpenTasks.Remove(task) });
    }

    public Task NoteCommitmentOverdue(string commitmentRef, bool overdue)
    {
        var current = Registered();
        var reference = Require.Text(commitmentRef, "commitmentRef", 200);
        if (current.OverdueCommitments.Contains(reference) == overdue)
        {
            return Task.CompletedTask;
        }
        var list = overdue ? current.OverdueCommitments.Add(reference) : current.OverdueCommitments.Remove(reference);
        return Commit(current with { OverdueCommitments = list });
    }

    /// <summary>Writes the next state, with an AgencyStatusChanged event when the live status changed.</summary>
    private async Task Commit(AgencyState next)
    {
        var status = next.LiveStatus;
        IReadOnlyList<object> events = status == state.State.LiveStatus ? [] : [new AgencyStatusChanged(Code, status)];
        if (events.Count == 0 && next == state.State)
        {
            return;
        }
        state.State = next;
        await state.WriteStateAsync(events);
    }

    private AgencyState Registered() => state.State.Registration is null
        ? throw new NotFoundException($"agency {GrainKey} is not registered")
        : state.State;

    private static ImmutableArray<LiaisonContact> ValidContacts(ImmutableArray<LiaisonContact> contacts)
    {
        foreach (var contact in contacts)
        {
            if (contact is null || string.IsNullOrWhiteSpace(contact.Name) || string.IsNullOrWhiteSpace(contact.Email))
            {
                throw new DomainValidationException("contacts: every liaison contact needs a name and an email");
            }
        }
        return contacts;
    }

    private AgencyView View(AgencyState s)
    {
        var r = s.Registration!;
        return new AgencyView(r.Agency, r.Name, r.Country, r.HomeRegion, r.Languages, r.Capabilities, r.Contacts, s.LiveStatus,
            [.. s.Agreements.Select(a => a.Agreement)], s.OpenTasks, r.RegisteredAt);
    }
}
