using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agencies.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.EventSourcing;

/// <summary>DESIGN §4.1: a command is one atomic append of its events and its command.accepted record; a refused one appends nothing.</summary>
public sealed class CommandAppendTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task A_command_appends_its_events_and_one_command_accepted_record_in_one_append()
    {
        var hub = silo.NewHub();
        var stream = $"agency/{hub.Npa}";
        var mark = await hub.Mark();
        var rings = new List<long>();
        using (silo.Doorbell.Subscribe(position => { lock (rings) { rings.Add(position); } }))
        {
            await hub.Agency(hub.Npa).Register(Hub.Register("National Police Agency"));
        }

        var records = await hub.Records(stream);
        Assert.Equal(["agency.registered", "agency.status-changed", "command.accepted"], records.Select(r => r.Type));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal([mark + 1, mark + 2, mark + 3], records.Select(r => r.Position));
        Assert.Single(records.Select(r => r.OccurredAt).Distinct());
        Assert.Equal([mark + 3], rings);
    }

    [Fact]
    public async Task The_command_record_names_the_command_and_who_issued_it()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);

        await hub.Agency(hub.Npa).SetReadiness(new SetReadiness(Actors.Partner(hub.Npa), Readiness.Elevated, "major operation"));

        var accepted = await hub.Accepted($"agency/{hub.Npa}");
        Assert.Equal(["Register", "SetReadiness"], accepted.Select(a => a.Command));
        var partner = accepted[1];
        Assert.Equal(($"liaison-{hub.Npa.ToLowerInvariant()}", ActorRole.Partner, hub.Npa), (partner.Subject, partner.Role, partner.Agency));
    }

    [Fact]
    public async Task A_rule_refusal_appends_nothing_and_rings_no_doorbell()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var before = await hub.Records($"agency/{hub.Npa}");
        var mark = await hub.Mark();
        var rings = 0;

        using (silo.Doorbell.Subscribe(_ => Interlocked.Increment(ref rings)))
        {
            await Assert.ThrowsAsync<ConflictException>(() => hub.Agency(hub.Npa).Register(Hub.Register("Again")));
            await Assert.ThrowsAsync<ForbiddenException>(() => hub.Agency(hub.Npa).SetReadiness(new SetReadiness(Actors.Operator, Readiness.Critical, null)));
        }

        Assert.Equal(0, Volatile.Read(ref rings));
        Assert.Equal(mark, await hub.Mark());
        Assert.Equal(before.Count, (await hub.Records($"agency/{hub.Npa}")).Count);
    }

    [Fact]
    public async Task A_command_changing_nothing_appends_nothing()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var mark = await hub.Mark();

        await hub.Agency(hub.Npa).SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Normal, null));

        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Every_event_stored_is_the_events_stable_name_and_its_json()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);

        var registered = (await hub.Events($"agency/{hub.Npa}"))[0];

        var decoded = Assert.IsType<AgencyRegistered>(DomainEvents.Decode(registered));
        Assert.Equal((hub.Npa, "JP", "ap-northeast"), (decoded.Agency.Value, decoded.Country, decoded.HomeRegion));
        Assert.Equal(hub.Npa, registered.Data.GetProperty("agency").GetString());
        Assert.Equal("Cyberspace", registered.Data.GetProperty("capabilities")[0].GetString());
    }
}
