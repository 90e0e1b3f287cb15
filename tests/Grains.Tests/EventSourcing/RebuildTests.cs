using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.EventSourcing;

/// <summary>A grain's state is its stream folded: a new activation rebuilds exactly what the old one held.</summary>
public sealed class RebuildTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Every_grain_rebuilds_the_same_state_from_its_stream_after_deactivation()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement(clauses: [new(CooperationArea.Fugitives, Priority.Urgent, TimeSpan.FromHours(6), TimeSpan.FromDays(2))],
            expiresOn: hub.Today.AddYears(3));
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(3)));
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30), hub.Knpa));
        await agreement.ReportProgress(new ReportCommitmentProgress(Actors.Partner(hub.Npa), 1, "Half shared"));
        await agreement.Waive(new WaiveCommitment(Actors.Coordinator, 2, "superseded"));
        var task = hub.Task(hub.Key("T-1"));
        await task.Assign(hub.Assign());
        await hub.Advance(TimeSpan.FromHours(6) + PolicingHub.Grains.Tasks.Escalation.TaskEscalationGrain.Tick);
        await task.Acknowledge(hub.Acknowledge());
        await task.Accept(new AcceptTask(Actors.Partner(hub.Npa)));
        await task.PostUpdate(new PostTaskUpdate(Actors.Partner(hub.Npa), "Suspect traced to Osaka"));
        var agency = hub.Agency(hub.Npa);
        await agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null));
        var before = (Json.Of(await agreement.Get()), Json.Of(await task.Get()), Json.Of(await agency.Get()));

        await silo.Deactivate(agreement);
        await silo.Deactivate(task);
        await silo.Deactivate(agency);

        Assert.Equal(before, (Json.Of(await agreement.Get()), Json.Of(await task.Get()), Json.Of(await agency.Get())));
        Assert.Equal(1, (await task.Get()).EscalationLevel);
        Assert.Single((await task.Get()).Updates);
    }

    [Fact]
    public async Task A_rebuilt_grain_keeps_applying_its_rules_where_the_old_activation_left_off()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement();
        await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));

        await silo.Deactivate(agreement);
        var second = await agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(30)));
        await silo.Deactivate(agreement);
        var suspended = await agreement.Suspend(Hub.Change("review"));

        Assert.Equal(2, second.Number);
        Assert.Equal(AgreementStatus.Suspended, suspended.Status);
    }
}
