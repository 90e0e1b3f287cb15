using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Tests.Tasks;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task Repeating_an_assignment_with_the_same_idempotency_key_returns_the_same_task_and_emits_nothing_more()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.ActiveAgreement();
        var keyed = silo.Task("T-1", new CallOptions { IdempotencyKey = "assign-T-1" });
        var mark = await silo.Mark();

        var first = await keyed.Assign(Hub.Assign());
        silo.Time.Advance(TimeSpan.FromMinutes(1));
        var retry = await keyed.Assign(Hub.Assign());

        Assert.Equal(silo.Json(first), silo.Json(retry));
        Assert.Equal(
            ["task/T-1:task.assigned", "agreement/MOU-KR-JP-2026:agreement.scorecard-changed", "agency/JP-NPA:agency.status-changed"],
            await silo.EventsSince(mark));
    }

    [Fact]
    public async Task Repeating_a_fulfilment_with_the_same_idempotency_key_fulfils_once()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement();
        await agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(30)));
        var keyed = silo.Agreement(Hub.KrJp, new CallOptions { IdempotencyKey = "fulfil-1" });
        var mark = await silo.Mark();

        var first = await keyed.Fulfil(new FulfilCommitment(Actors.Partner(Hub.Npa), 1, "done"));
        var retry = await keyed.Fulfil(new FulfilCommitment(Actors.Partner(Hub.Npa), 1, "done"));

        Assert.Equal(silo.Json(first), silo.Json(retry));
        Assert.Equal(["agreement/MOU-KR-JP-2026:commitment.fulfilled", "agreement/MOU-KR-JP-2026:agreement.scorecard-changed"], await silo.EventsSince(mark));
        Assert.Single((await agreement.Get()).Commitments[0].Progress);
    }

    [Fact]
    public async Task Repeating_an_agency_registration_with_the_same_key_is_not_a_conflict()
    {
        await using var silo = await DomainSilo.StartAsync();
        var keyed = silo.Agency(Hub.Npa, new CallOptions { IdempotencyKey = "register-npa" });

        var first = await keyed.Register(Hub.Register("National Police Agency"));
        var retry = await keyed.Register(Hub.Register("National Police Agency"));

        Assert.Equal(silo.Json(first), silo.Json(retry));
        Assert.Equal(["agency.registered", "agency.status-changed"], await silo.EventTypes("agency/JP-NPA"));
    }
}
