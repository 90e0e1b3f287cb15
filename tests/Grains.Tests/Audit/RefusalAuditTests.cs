using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Audit;

/// <summary>Refused commands go to "audit/refusals"; accepted ones are audited by the command.accepted record of their own append.</summary>
public sealed class RefusalAuditTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    private const string Stream = "audit/refusals";

    private IRefusalAuditGrain Refusals => silo.Grains.GetGrain<IRefusalAuditGrain>(IRefusalAuditGrain.Key);

    [Fact]
    public async Task Each_refusal_is_one_event_appended_to_the_refusals_stream_in_order()
    {
        var hub = silo.NewHub();
        var partner = $"liaison-{hub.Npa.ToLowerInvariant()}";
        var before = (await hub.Records(Stream)).Count;
        var first = new CommandRefused(partner, ActorRole.Partner, hub.Npa, "task.assign", $"task/{hub.Key("T-1")}", "403 Forbidden", hub.Now);
        var second = new CommandRefused("ops-lee", ActorRole.Operator, null, "agreement.get", $"agreement/{hub.KrJp}", "403 Forbidden", hub.Now);

        await Refusals.Record(first);
        await Refusals.Record(second);

        var appended = (await hub.Records(Stream)).Skip(before).ToList();
        Assert.Equal(["audit.command-refused", "audit.command-refused"], appended.Select(e => e.Type));
        Assert.Equal([before + 1L, before + 2L], appended.Select(e => e.Sequence));
        Assert.Equal(first, DomainEvents.Decode(appended[0]));
        Assert.Equal(second, DomainEvents.Decode(appended[1]));
        Assert.Equal(partner, appended[0].Data.GetProperty("subject").GetString());
        Assert.Equal("Partner", appended[0].Data.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_refusal_survives_the_audit_grains_deactivation()
    {
        var hub = silo.NewHub();
        await Refusals.Record(new CommandRefused("ops-lee", ActorRole.Operator, null, "task.cancel", $"task/{hub.Key("T-1")}", "403 Forbidden", hub.Now));
        var before = (await hub.Records(Stream)).Count;

        await silo.Deactivate(Refusals);
        await Refusals.Record(new CommandRefused("ops-lee", ActorRole.Operator, null, "task.cancel", $"task/{hub.Key("T-2")}", "403 Forbidden", hub.Now));

        Assert.Equal(before + 1, (await hub.Records(Stream)).Count);
        Assert.Equal($"task/{hub.Key("T-2")}", (await hub.Records(Stream))[^1].Data.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Every_accepted_command_is_audited_by_its_own_record_naming_command_and_actor()
    {
        var hub = silo.NewHub();
        await hub.ActiveAgreement();
        var id = hub.Key("T-1");
        var task = hub.Task(id);
        await task.Assign(hub.Assign());
        await task.Acknowledge(hub.Acknowledge());
        await task.Cancel(new CancelTask(Actors.Coordinator, "withdrawn"));

        var accepted = await hub.Accepted($"task/{id}");

        Assert.Equal(["Assign", "Acknowledge", "Cancel"], accepted.Select(a => a.Command));
        Assert.Equal(["coord-kim", $"liaison-{hub.Npa.ToLowerInvariant()}", "coord-kim"], accepted.Select(a => a.Subject));
        Assert.Equal([ActorRole.Coordinator, ActorRole.Partner, ActorRole.Coordinator], accepted.Select(a => a.Role));
        Assert.Equal(["task.assigned", "command.accepted", "task.acknowledged", "command.accepted", "task.cancelled", "command.accepted"],
            await hub.RecordTypes($"task/{id}"));
        Assert.Equal(["Draft", "Sign", "Activate"], (await hub.Accepted($"agreement/{hub.KrJp}")).Select(a => a.Command));
    }
}
