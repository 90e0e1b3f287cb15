using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agencies;

public sealed class AgencyLiveStatusTests
{
    private const string Stream = "agency/JP-NPA";
    private const string StatusChanged = "agency.status-changed";

    [Fact]
    public async Task Consoles_connecting_and_disconnecting_update_the_count_and_last_seen_once_per_change()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Npa);
        var agency = silo.Agency(Hub.Npa);

        await agency.ConsoleConnected("c1");
        silo.Time.Advance(TimeSpan.FromMinutes(5));
        await agency.ConsoleConnected("c2");
        await agency.ConsoleConnected("c2");
        var bothOnline = (await agency.Get()).Status;
        silo.Time.Advance(TimeSpan.FromMinutes(5));
        await agency.ConsoleDisconnected("c1");
        await agency.ConsoleDisconnected("never-connected");

        Assert.Equal(new AgencyLiveStatus(2, silo.Now.AddMinutes(-5), Readiness.Normal, 0, 0), bothOnline);
        Assert.Equal(new AgencyLiveStatus(1, silo.Now, Readiness.Normal, 0, 0), (await agency.Get()).Status);
        Assert.Equal(["agency.registered", StatusChanged, StatusChanged, StatusChanged, StatusChanged], await silo.EventTypes(Stream));
        var last = (await silo.Events(Stream))[^1].Data;
        Assert.Equal(1, last.GetProperty("status").GetProperty("consolesOnline").GetInt32());
        Assert.Equal("JP-NPA", last.GetProperty("agency").GetString());
    }

    [Fact]
    public async Task A_partner_sets_its_own_agency_readiness_and_an_unchanged_readiness_emits_nothing()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Npa);
        var agency = silo.Agency(Hub.Npa);

        var view = await agency.SetReadiness(new SetReadiness(Actors.Partner(Hub.Npa), Readiness.Elevated, "major operation"));
        await agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null));

        Assert.Equal(Readiness.Elevated, view.Status.Readiness);
        Assert.Equal(["agency.registered", StatusChanged, StatusChanged], await silo.EventTypes(Stream));
    }

    [Fact]
    public async Task Another_agencys_partner_and_operators_may_not_set_readiness()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Npa, Hub.Rcmp);
        var agency = silo.Agency(Hub.Npa);

        var wrongAgency = await Assert.ThrowsAsync<ForbiddenException>(() => agency.SetReadiness(new SetReadiness(Actors.Partner(Hub.Rcmp), Readiness.Critical, null)));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => agency.SetReadiness(new SetReadiness(Actors.Operator, Readiness.Critical, null)));

        Assert.Equal("liaison-ca-rcmp acts for CA-RCMP, not JP-NPA", wrongAgency.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not set the readiness of JP-NPA", @operator.Message);
        Assert.Equal(Readiness.Normal, (await agency.Get()).Status.Readiness);
    }

    [Fact]
    public async Task Noting_tasks_and_overdue_commitments_has_set_semantics_and_emits_only_on_change()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Npa);
        var agency = silo.Agency(Hub.Npa);
        var task = TaskId.Parse("T-1");

        await agency.NoteTask(task, true);
        await agency.NoteTask(task, true);
        await agency.NoteCommitmentOverdue("MOU-KR-JP-2026#1", true);
        await agency.NoteCommitmentOverdue("MOU-KR-JP-2026#1", true);
        var busy = await agency.Get();
        await agency.NoteTask(task, false);
        await agency.NoteTask(task, false);
        await agency.NoteCommitmentOverdue("MOU-KR-JP-2026#1", false);
        await agency.NoteCommitmentOverdue("MOU-KR-JP-2026#2", false);

        Assert.Equal([task], busy.OpenTasks.Items());
        Assert.Equal(new AgencyLiveStatus(0, null, Readiness.Normal, 1, 1), busy.Status);
        Assert.Equal(new AgencyLiveStatus(0, null, Readiness.Normal, 0, 0), (await agency.Get()).Status);
        Assert.Equal(["agency.registered", StatusChanged, StatusChanged, StatusChanged, StatusChanged, StatusChanged], await silo.EventTypes(Stream));
    }

    [Fact]
    public async Task Noting_agreements_lists_each_once_and_keeps_its_latest_status_without_status_events()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Npa);
        var agency = silo.Agency(Hub.Npa);
        var first = AgreementId.Parse("MOU-KR-JP-2026");
        var second = AgreementId.Parse("MOU-JP-CA-2027");

        await agency.NoteAgreement(first, AgreementStatus.Draft);
        await agency.NoteAgreement(second, AgreementStatus.Draft);
        await agency.NoteAgreement(first, AgreementStatus.Signed);
        await agency.NoteAgreement(first, AgreementStatus.Signed);

        Assert.Equal([first, second], (await agency.Get()).Agreements.Items());
        var stored = await silo.StoredState<AgencyState>("agency", Hub.Npa, "agency");
        Assert.Equal([new AgencyAgreement(first, AgreementStatus.Signed), new AgencyAgreement(second, AgreementStatus.Draft)], stored.Agreements.Items());
        Assert.Equal(["agency.registered", StatusChanged], await silo.EventTypes(Stream));
    }
}
