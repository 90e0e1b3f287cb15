using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Placement;
using PolicingHub.Grains.Rules;

namespace PolicingHub.Grains.Agencies;

/// <summary>
/// A partner agency: registration and readiness (events on "agency/{code}"), and the consoles of it online now.
/// Presence is held in memory and published as <see cref="AgencyStatusChanged"/>; a restarted silo starts from none
/// online and the consoles' reconnects bring it back.
/// </summary>
[GrainType("agency")]
[HomeRegionPlacement]
public sealed class AgencyGrain([FromKeyedServices(DomainTime.Key)] TimeProvider time) : EventSourcedGrain<AgencyState>, IAgencyGrain
{
    private static readonly TimeSpan KeepAliveWhileOnline = TimeSpan.FromHours(1);
    private readonly HashSet<string> _consoles = new(StringComparer.Ordinal);

    protected override string StreamKind => "agency";

    private AgencyCode Code => new(Key);

    protected override AgencyState Apply(AgencyState state, object @event) => state.Apply(@event);

    /// <summary>A new activation knows of no console: it says so when the log still shows some online.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Registration is not null && State.Presence.ConsolesOnline != 0)
        {
            await AppendSystemEventsAsync([new AgencyStatusChanged(Code, State.Presence with { ConsolesOnline = 0 })]);
        }
    }

    public Task<AgencyProfile> Register(RegisterAgency command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute(nameof(Register), command.Actor, command, () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "register agencies");
            if (!AgencyCode.IsValid(Key))
            {
                throw new DomainValidationException($"code: '{Key}' is not an agency code (two capital letters, a dash, 2–12 capitals or digits, e.g. JP-NPA)");
            }
            if (State.Registration is not null)
            {
                throw new ConflictException($"agency {Code} is already registered");
            }
            var now = time.GetUtcNow();
            var registered = new AgencyRegistered(
                Code,
                Require.Text(command.Name, "name", 200),
                Code.Country,
                Require.Text(command.HomeRegion, "homeRegion", 100),
                command.Languages.OrEmpty().Distinct().ToImmutableArray(),
                command.Capabilities.OrEmpty().Distinct().ToImmutableArray(),
                ValidContacts(command.Contacts.OrEmpty()),
                now);
            return Events(registered, new AgencyStatusChanged(Code, State.Presence with { ConsolesOnline = _consoles.Count }));
        }, Profile);
    }

    public Task<AgencyProfile> Get() => Task.FromResult(Profile(Registered()));

    public Task<bool> IsRegistered() => Task.FromResult(State.Registration is not null);

    public Task<AgencyProfile> SetReadiness(SetReadiness command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute(nameof(SetReadiness), command.Actor, command, () =>
        {
            ActorRules.RequireCoordinatorOrPartnerOf(command.Actor, Code, "set the readiness of " + Code);
            var current = Registered();
            if (!Enum.IsDefined(command.Readiness))
            {
                throw new DomainValidationException($"readiness: {command.Readiness} is not a readiness level");
            }
            return current.Presence.Readiness == command.Readiness
                ? Events()
                : Events(new AgencyStatusChanged(Code, current.Presence with { Readiness = command.Readiness }));
        }, Profile);
    }

    public Task ConsoleConnected(string connectionId)
    {
        var current = Registered();
        var id = Require.Text(connectionId, "connectionId", 200);
        if (!_consoles.Add(id))
        {
            return Task.CompletedTask;
        }
        DelayDeactivation(KeepAliveWhileOnline);
        return PublishPresence(current);
    }

    public Task ConsoleDisconnected(string connectionId)
    {
        var current = Registered();
        return connectionId is not null && _consoles.Remove(connectionId) ? PublishPresence(current) : Task.CompletedTask;
    }

    private Task PublishPresence(AgencyState current) => AppendSystemEventsAsync(
        [new AgencyStatusChanged(Code, current.Presence with { ConsolesOnline = _consoles.Count, LastSeen = time.GetUtcNow() })]);

    private AgencyState Registered() => State.Registration is null
        ? throw new NotFoundException($"agency {Key} is not registered")
        : State;

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

    private static AgencyProfile Profile(AgencyState s)
    {
        var r = s.Registration!;
        return new AgencyProfile(r.Agency, r.Name, r.Country, r.HomeRegion, r.Languages, r.Capabilities, r.Contacts, s.Presence, r.RegisteredAt);
    }
}
