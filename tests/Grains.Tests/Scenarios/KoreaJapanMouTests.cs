using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Scenarios;

/// <summary>The hub's first story (DESIGN.md §1): the KR-KNPA ↔ JP-NPA police cooperation MOU, from registration to a completed request.</summary>
public sealed class KoreaJapanMouTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task The_KNPA_NPA_memorandum_runs_from_registration_to_a_fulfilled_commitment_and_a_completed_fugitive_request()
    {
        var hub = silo.NewHub();
        var kr = Hub.Code(hub.Knpa);
        var jp = Hub.Code(hub.Npa);
        var coordinator = Actors.Coordinator;
        var npaDesk = Actors.Partner(hub.Npa);
        var start = hub.Now;

        // Coordinators register both agencies; the NPA liaison desk comes online.
        await hub.Agency(hub.Knpa).Register(new RegisterAgency(coordinator, "Korean National Police Agency", "ap-northeast-2", ["ko", "en"],
            [CooperationArea.Cyberspace, CooperationArea.EconomicSecurity, CooperationArea.Fugitives], [new("Liaison desk", "International cooperation", "intl@knpa.example", null)]));
        await hub.Agency(hub.Npa).Register(new RegisterAgency(coordinator, "National Police Agency of Japan", "ap-northeast-1", ["ja", "en"],
            [CooperationArea.Cyberspace, CooperationArea.TransnationalCrime], [new("Liaison desk", "International affairs", "intl@npa.example", "+81-3-0000-0000")]));
        await hub.Agency(hub.Npa).ConsoleConnected("npa-console-1");

        // The MOU signed at the first meeting of the two police chiefs in fourteen years.
        var agreement = hub.Agreement(hub.KrJp);
        await agreement.Draft(new DraftAgreement(coordinator, "Memorandum of understanding on police cooperation", [kr, jp],
            [CooperationArea.EconomicSecurity, CooperationArea.Cyberspace, CooperationArea.TransnationalCrime, CooperationArea.AiAndTechnology,
             CooperationArea.NationalsAbroad, CooperationArea.Fugitives],
            [new(CooperationArea.Cyberspace, Priority.Critical, TimeSpan.FromHours(2), TimeSpan.FromDays(1)),
             new(CooperationArea.Fugitives, Priority.Urgent, TimeSpan.FromHours(8), TimeSpan.FromDays(3))],
            hub.Today.AddYears(5)));
        await agreement.Sign(new SignAgreement(coordinator, hub.Today,
            [new(kr, "Commissioner General of the KNPA", "Commissioner General"), new(jp, "Commissioner General of the NPA", "Commissioner General")]));
        await agreement.Activate(new ChangeAgreementStatus(coordinator, null));

        // A concrete commitment: support for the Korea–US–Japan cyber working group, owed by the NPA in 60 days.
        var commitment = await agreement.AddCommitment(new AddCommitment(coordinator, CooperationArea.Cyberspace,
            "Nominate experts to the Korea–US–Japan cyber working group on North Korean cyberterrorism", jp, hub.Now.AddDays(60)));

        // A fugitive request from the KNPA to the NPA, handled TLP:AMBER, acknowledged within its window.
        var taskId = hub.Key("T-20261122-0001");
        var task = hub.Task(taskId);
        var assigned = await task.Assign(new AssignTask(coordinator, AgreementId.Parse(hub.KrJp), kr, jp, TaskKind.FugitiveLocation, CooperationArea.Fugitives,
            Priority.Urgent, HandlingCode.Amber, "Locate a fugitive wanted for industrial technology leakage",
            "Former engineer suspected of leaking semiconductor process data; believed to have entered Japan.", null));
        await hub.Advance(TimeSpan.FromHours(2));
        await task.Acknowledge(new AcknowledgeTask(npaDesk, "Inspector Sato", hub.Now.AddDays(2)));
        await task.Accept(new AcceptTask(npaDesk));
        await hub.Advance(TimeSpan.FromDays(1));
        await task.PostUpdate(new PostTaskUpdate(npaDesk, "Subject traced to Osaka; surveillance in place."));
        await hub.Advance(TimeSpan.FromDays(1));
        var completed = await task.Complete(new CompleteTask(npaDesk, "Subject located and detained pending extradition."));

        // The NPA reports progress on its commitment and fulfils it in time.
        await hub.Advance(TimeSpan.FromDays(20));
        await agreement.ReportProgress(new ReportCommitmentProgress(npaDesk, commitment.Number, "Two experts nominated."));
        var fulfilled = await agreement.Fulfil(new FulfilCommitment(npaDesk, commitment.Number, "Working group convened in Seoul."));
        await hub.Advance(TimeSpan.FromDays(60));

        Assert.Equal((start.AddHours(8), start.AddDays(3)), (assigned.AcknowledgeBy, assigned.Deadline));
        Assert.Equal(CooperationTaskStatus.Completed, completed.Status);
        Assert.Equal(("Inspector Sato", 0), (completed.Officer, completed.EscalationLevel));
        Assert.True((await hub.Events($"task/{taskId}"))[^1].Data.GetProperty("onTime").GetBoolean());
        Assert.Equal(CommitmentStatus.Fulfilled, fulfilled.Status);
        Assert.Equal(["Two experts nominated.", "Working group convened in Seoul."], fulfilled.Progress.Select(p => p.Note));

        var mou = await agreement.Get();
        Assert.Equal(AgreementStatus.Active, mou.Status);
        Assert.Equal(hub.Today.AddDays(-82), mou.SignedOn);
        Assert.Equal(CommitmentStatus.Fulfilled, Assert.Single(mou.Commitments).Status);
        Assert.Equal(new AgencyPresence(1, start, Readiness.Normal), (await hub.Agency(hub.Npa).Get()).Presence);

        Assert.Equal(["task.assigned", "task.acknowledged", "task.accepted", "task.update-posted", "task.completed"],
            await hub.EventTypes($"task/{taskId}"));
        Assert.Equal(
            ["agreement.drafted", "agreement.signed", "agreement.status-changed", "agreement.status-changed", "commitment.added",
             "commitment.progress-reported", "commitment.progress-reported", "commitment.fulfilled"],
            await hub.EventTypes($"agreement/{hub.KrJp}"));
        Assert.Equal(["Draft", "Sign", "Activate", "AddCommitment", "ReportProgress", "Fulfil"],
            (await hub.Accepted($"agreement/{hub.KrJp}")).Select(a => a.Command));
        Assert.Equal(["agency.registered", "agency.status-changed", "agency.status-changed"], await hub.EventTypes($"agency/{hub.Npa}"));
        Assert.Equal(["agency.registered", "agency.status-changed"], await hub.EventTypes($"agency/{hub.Knpa}"));
    }
}
