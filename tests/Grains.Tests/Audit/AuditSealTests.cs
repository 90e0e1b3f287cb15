using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Audit;

/// <summary>
/// The seal grain is asked to seal by every silo's timer: a seal with nothing new to cover but the previous seal itself
/// appends nothing, so a quiet cluster's log does not grow by one seal per silo per tick.
/// </summary>
public sealed class AuditSealTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    private IAuditSealGrain Seals => silo.Grains.GetGrain<IAuditSealGrain>(IAuditSealGrain.Key);

    private IRefusalAuditGrain Refusals => silo.Grains.GetGrain<IRefusalAuditGrain>(IRefusalAuditGrain.Key);

    [Fact]
    public async Task Sealing_again_when_only_the_last_seal_is_new_appends_nothing_and_the_next_event_is_sealed_with_it()
    {
        var hub = silo.NewHub();
        await Refusals.Record(new CommandRefused("ops-lee", ActorRole.Operator, null, "agreement.get", $"agreement/{hub.KrJp}", "403 Forbidden", hub.Now));
        var first = await Seals.Seal();
        var checkpoints = (await Seals.Checkpoints()).Count;

        var asked = new[] { await Seals.Seal(), await Seals.Seal(), await Seals.Seal() };

        Assert.Equal([first, first, first], asked);
        Assert.Equal(checkpoints, (await Seals.Checkpoints()).Count);

        await Refusals.Record(new CommandRefused("ops-kim", ActorRole.Operator, null, "agreement.get", $"agreement/{hub.KrJp}", "403 Forbidden", hub.Now));
        var next = await Seals.Seal();

        Assert.Equal(first + 2, next); // the previous seal (first + 1) and the new refusal (first + 2)
        Assert.Equal(checkpoints + 1, (await Seals.Checkpoints()).Count);
    }
}
