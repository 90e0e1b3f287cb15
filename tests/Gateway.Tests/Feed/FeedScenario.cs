using PolicingHub.EventLog;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>
/// Domain data for the feed's integration tests, made through the grains with a coordinator actor: the hub (KR-KNPA),
/// three partners (JP-NPA, CA-RCMP, US-FBI), three agreements and tasks of every handling code.
/// </summary>
internal sealed class FeedScenario(IGrainFactory grains)
{
    public const string Hub = "KR-KNPA";
    public const string Npa = "JP-NPA";
    public const string Rcmp = "CA-RCMP";
    public const string Fbi = "US-FBI";

    public static readonly Actor Coordinator = new("coordinator-feed", ActorRole.Coordinator, null);

    /// <summary>Every stream each partner console may see once <see cref="CreateAsync"/> has run.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PartnerStreams = new Dictionary<string, string[]>
    {
        [Npa] = ["agency/JP-NPA", "agreement/MOU-KR-JP", "agreement/MOU-KR-JP-US", "task/T-JP-RED", "task/T-KR-GREEN", "task/T-US-CLEAR"],
        [Rcmp] = ["agency/CA-RCMP", "agreement/MOU-KR-CA", "task/T-CA-AMBER"],
        [Fbi] = ["agency/US-FBI", "agreement/MOU-KR-JP-US", "task/T-US-CLEAR"],
    };

    public static Actor PartnerOf(string agency) => new($"desk-{agency}", ActorRole.Partner, agency);

    public async Task CreateAsync()
    {
        await RegisterAgenciesAsync();
        await AgreementAsync("MOU-KR-JP", Hub, Npa);
        await AgreementAsync("MOU-KR-CA", Hub, Rcmp);
        await AgreementAsync("MOU-KR-JP-US", Hub, Npa, Fbi);
        await AssignAsync("T-JP-RED", "MOU-KR-JP", Hub, Npa, HandlingCode.Red);
        await AssignAsync("T-KR-GREEN", "MOU-KR-JP", Npa, Hub, HandlingCode.Green);
        await AssignAsync("T-CA-AMBER", "MOU-KR-CA", Hub, Rcmp, HandlingCode.Amber);
        await AssignAsync("T-US-CLEAR", "MOU-KR-JP-US", Hub, Fbi, HandlingCode.Clear);
        await AssignAsync("T-KR-RED", "MOU-KR-JP-US", Fbi, Hub, HandlingCode.Red);
        await grains.GetGrain<ICooperationTaskGrain>("T-JP-RED").Acknowledge(new AcknowledgeTask(PartnerOf(Npa), "Insp. Sato", DateTimeOffset.UtcNow.AddDays(2)));
    }

    /// <summary>Registers the hub and the three partners, those not yet registered.</summary>
    public async Task RegisterAgenciesAsync()
    {
        foreach (var agency in new[] { Hub, Npa, Rcmp, Fbi })
        {
            if (!await grains.GetGrain<IAgencyGrain>(agency).IsRegistered())
            {
                await RegisterAsync(agency);
            }
        }
    }

    public Task RegisterAsync(string agency) => grains.GetGrain<IAgencyGrain>(agency).Register(
        new RegisterAgency(Coordinator, $"Agency {agency}", "region-" + agency[..2].ToLowerInvariant(), ["en"], [CooperationArea.Cyberspace, CooperationArea.Fugitives], []));

    public async Task AgreementAsync(string id, params string[] parties)
    {
        var agreement = grains.GetGrain<IAgreementGrain>(id);
        await agreement.Draft(new DraftAgreement(Coordinator, $"MOU {id}", [.. parties.Select(p => new AgencyCode(p))],
            [CooperationArea.Cyberspace, CooperationArea.Fugitives], [], null));
        await agreement.Sign(new SignAgreement(Coordinator, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
            [.. parties.Select(p => new Signatory(new AgencyCode(p), $"Chief of {p}", "Commissioner"))]));
        await agreement.Activate(new ChangeAgreementStatus(Coordinator, null));
    }

    public Task AssignAsync(string task, string agreement, string requester, string assignee, HandlingCode handling) =>
        grains.GetGrain<ICooperationTaskGrain>(task).Assign(new AssignTask(Coordinator, new AgreementId(agreement), new AgencyCode(requester),
            new AgencyCode(assignee), TaskKind.InformationRequest, CooperationArea.Cyberspace, Priority.Urgent, handling, $"Task {task}", "Details", null));

    public Task SetReadinessAsync(string agency, Readiness readiness) =>
        grains.GetGrain<IAgencyGrain>(agency).SetReadiness(new SetReadiness(Coordinator, readiness, "drill"));

    /// <summary>The whole log as it stands.</summary>
    public static Task<IReadOnlyList<EventEnvelope>> ReadLogAsync(IEventLog log) => Support.HubState.ReadAllAsync(log);
}
