using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Scenarios;

/// <summary>The hub's first story (DESIGN.md §1): the KR-KNPA ↔ JP-NPA police cooperation MOU, from registration to a completed request.</summary>
public sealed class KoreaJapanMouTests
{
    private const string Mou = "MOU-KR-JP-2026";

    [Fact]
    public async Task The_KNPA_NPA_memorandum_runs_from_registration_to_a_fulfilled_commitment_and_a_completed_fugitive_request()
    {
        await using var silo = await DomainSilo.StartAsync();
        var kr = Hub.Code(Hub.Knpa);
        var jp = Hub.Code(Hub.Npa);
        var coordinator = Actors.Coordinator;
        var npaDesk = Actors.Partner(Hub.Npa);
        var start = silo.Now;

        // Coordinators register both agencies; the NPA liaison desk comes online.
        await silo.Agency(Hub.Knpa).Register(new RegisterAgency(coordinator, "Korean National Police Agency", "ap-northeast-2", ["ko", "en"],
            [CooperationArea.Cyberspace, CooperationArea.EconomicSecurity, CooperationArea.Fugitives], [new("Liaison desk", "International cooperation", "intl@knpa.example", null)]));
        await silo.Agency(Hub.Npa).Register(new RegisterAgency(coordinator, "National Police Agency of Japan", "ap-northeast-1", ["ja", "en"],
            [CooperationArea.Cyberspace, CooperationArea.TransnationalCrime], [new("Liaison desk", "International affairs", "intl@npa.example", "+81-3-0000-0000")]));
        await silo.Agency(Hub.Npa).ConsoleConnected("npa-console-1");

        // The MOU signed at the first meeting of the two police chiefs in fourteen years.
        var agreement = silo.Agreement(Mou);
        await agreement.Draft(new DraftAgreement(coordinator, "Memorandum of understanding on police cooperation", [kr, jp],
            [CooperationArea.EconomicSecurity, CooperationArea.Cyberspace, CooperationArea.TransnationalCrime, CooperationArea.AiAndTechnology,
             CooperationArea.NationalsAbroad, CooperationArea.Fugitives],
            [new(CooperationArea.Cyberspace, Priority.Critical, TimeSpan.FromHours(2), TimeSpan.FromDays(1)),
             new(CooperationArea.Fugitives, Priority.Urgent, TimeSpan.FromHours(8), TimeSpan.FromDays(3))],
            new DateOnly(2031, 11, 21)));
        await agreement.Sign(new SignAgreement(coordinator, new DateOnly(2026, 11, 22),
            [new(kr, "Commissioner General of the KNPA", "Commissioner General"), new(jp, "Commissioner General of the NPA", "Commissioner General")]));
        await agreement.Activate(new ChangeAgreementStatus(coordinator, null));

        // A concrete commitment: support for the Korea–US–Japan cyber working group, owed by the NPA in 60 days.
        var commitment = await agreement.AddCommitment(new AddCommitment(coordinator, CooperationArea.Cyberspace,
            "Nominate experts to the Korea–US–Japan cyber working group on North Korean cyberterrorism", jp, silo.Now.AddDays(60)));

        // A fugitive request from the KNPA to the NPA, handled TLP:AMBER.
        var task = silo.Task("T-20261122-0001");
        var assigned = await task.Assign(new AssignTask(coordinator, AgreementId.Parse(Mou), kr, jp, TaskKind.FugitiveLocation, CooperationArea.Fugitives,
            Priority.Urgent, HandlingCode.Amber, "Locate a fugitive wanted for industrial technology leakage",
            "Former engineer suspected of leaking semiconductor process data; believed to have entered Japan.", null));
        silo.Time.Advance(TimeSpan.FromHours(2));
        await task.Acknowledge(new AcknowledgeTask(npaDesk, "Inspector Sato", silo.Now.AddDays(2)));
        await task.Accept(new AcceptTask(npaDesk));
        silo.Time.Advance(TimeSpan.FromDays(1));
        await task.PostUpdate(new PostTaskUpdate(npaDesk, "Subject traced to Osaka; surveillance in place."));
        silo.Time.Advance(TimeSpan.FromDays(1));
        var completed = await task.Complete(new CompleteTask(npaDesk, "Subject located and detained pending extradition."));

        // The NPA reports progress on its commitment and fulfils it in time.
        silo.Time.Advance(TimeSpan.FromDays(20));
        await agreement.ReportProgress(new ReportCommitmentProgress(npaDesk, commitment.Number, "Two experts nominated."));
        var fulfilled = await agreement.Fulfil(new FulfilCommitment(npaDesk, commitment.Number, "Working group convened in Seoul."));

        Assert.Equal((start.AddHours(8), start.AddDays(3)), (assigned.AcknowledgeBy, assigned.Deadline));
        Assert.Equal(CooperationTaskStatus.Completed, completed.Status);
        Assert.Equal(("Inspector Sato", 0), (completed.Officer, completed.EscalationLevel));
        Assert.Equal(CommitmentStatus.Fulfilled, fulfilled.Status);
        Assert.Equal(2, fulfilled.Progress.Length);

        var mou = await agreement.Get();
        Assert.Equal(AgreementStatus.Active, mou.Status);
        Assert.Equal(new DateOnly(2026, 11, 22), mou.SignedOn);
        Assert.Equal(100.0, mou.Scorecard.OnTimePercent);
        Assert.Equal(0, mou.Scorecard.Overdue);
        Assert.Null(mou.Scorecard.NextDue);
        Assert.Equal([new PartyCounts(kr, 1, 0, 0), new PartyCounts(jp, 0, 1, 1)], mou.Scorecard.Parties.Items());

        var npa = await silo.Agency(Hub.Npa).Get();
        Assert.Equal(new AgencyLiveStatus(1, start, Readiness.Normal, 0, 0), npa.Status);
        Assert.Equal([AgreementId.Parse(Mou)], npa.Agreements.Items());
        Assert.Equal([AgreementId.Parse(Mou)], (await silo.Agency(Hub.Knpa).Get()).Agreements.Items());

        var directory = await silo.Directory.Get();
        Assert.Equal([kr, jp], directory.Agencies.Items());
        Assert.Equal([AgreementId.Parse(Mou)], directory.Agreements.Items());
        Assert.Equal([TaskId.Parse("T-20261122-0001")], directory.Tasks.Items());

        Assert.Equal(["task.assigned", "task.acknowledged", "task.accepted", "task.update-posted", "task.completed"],
            await silo.EventTypes("task/T-20261122-0001"));
        Assert.Equal(
            ["agreement.drafted", "agreement.signed", "agreement.status-changed", "agreement.status-changed", "commitment.added", "agreement.scorecard-changed",
             "agreement.scorecard-changed", "agreement.scorecard-changed", "commitment.progress-reported", "commitment.fulfilled", "agreement.scorecard-changed"],
            await silo.EventTypes("agreement/" + Mou));
        Assert.Equal(["agency.registered", "agency.status-changed", "agency.status-changed", "agency.status-changed", "agency.status-changed"],
            await silo.EventTypes("agency/JP-NPA"));
    }
}
