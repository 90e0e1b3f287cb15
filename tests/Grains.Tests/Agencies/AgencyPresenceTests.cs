using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agencies;

/// <summary>What the agency grain itself knows of its live status: consoles online, last seen, readiness (open-task and overdue counts are read models).</summary>
public sealed class AgencyPresenceTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    private const string StatusChanged = "agency.status-changed";

    [Fact]
    public async Task Consoles_connecting_and_disconnecting_update_the_count_and_last_seen_once_per_change()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var agency = hub.Agency(hub.Npa);
        var stream = $"agency/{hub.Npa}";

        await agency.ConsoleConnected("c1");
        await hub.Advance(TimeSpan.FromMinutes(5));
        await agency.ConsoleConnected("c2");
        await agency.ConsoleConnected("c2");
        var bothOnline = (await agency.Get()).Presence;
        await hub.Advance(TimeSpan.FromMinutes(5));
        await agency.ConsoleDisconnected("c1");
        await agency.ConsoleDisconnected("never-connected");

        Assert.Equal(new AgencyPresence(2, hub.Now.AddMinutes(-5), Readiness.Normal), bothOnline);
        Assert.Equal(new AgencyPresence(1, hub.Now, Readiness.Normal), (await agency.Get()).Presence);
        Assert.Equal(["agency.registered", StatusChanged, StatusChanged, StatusChanged, StatusChanged], await hub.EventTypes(stream));
        var last = (await hub.Events(stream))[^1].Data;
        Assert.Equal(hub.Npa, last.GetProperty("agency").GetString());
        Assert.Equal(1, last.GetProperty("status").GetProperty("consolesOnline").GetInt32());
        Assert.Equal("Normal", last.GetProperty("status").GetProperty("readiness").GetString());
    }

    [Fact]
    public async Task Console_presence_is_no_command_and_appends_no_command_record()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var mark = await hub.Mark();

        await hub.Agency(hub.Npa).ConsoleConnected("c1");
        await hub.Agency(hub.Npa).ConsoleDisconnected("c1");

        Assert.Equal([$"agency/{hub.Npa}:{StatusChanged}", $"agency/{hub.Npa}:{StatusChanged}"], await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_partner_sets_its_own_agency_readiness_and_an_unchanged_readiness_appends_nothing()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var agency = hub.Agency(hub.Npa);
        var mark = await hub.Mark();

        var profile = await agency.SetReadiness(new SetReadiness(Actors.Partner(hub.Npa), Readiness.Elevated, "major operation"));
        var afterChange = await hub.Mark();
        var unchanged = await agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null));

        Assert.Equal(Readiness.Elevated, profile.Presence.Readiness);
        Assert.Equal(Readiness.Elevated, unchanged.Presence.Readiness);
        Assert.Equal([$"agency/{hub.Npa}:{StatusChanged}", $"agency/{hub.Npa}:command.accepted"], await hub.RecordsSince(mark));
        Assert.Empty(await hub.RecordsSince(afterChange));
    }

    [Fact]
    public async Task Another_agencys_partner_and_operators_may_not_set_readiness()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa, hub.Rcmp);
        var agency = hub.Agency(hub.Npa);
        var mark = await hub.Mark();

        var wrongAgency = await Assert.ThrowsAsync<ForbiddenException>(() => agency.SetReadiness(new SetReadiness(Actors.Partner(hub.Rcmp), Readiness.Critical, null)));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => agency.SetReadiness(new SetReadiness(Actors.Operator, Readiness.Critical, null)));

        Assert.Equal($"liaison-{hub.Rcmp.ToLowerInvariant()} acts for {hub.Rcmp}, not {hub.Npa}", wrongAgency.Message);
        Assert.Equal($"operators may only read agency status; ops-lee may not set the readiness of {hub.Npa}", @operator.Message);
        Assert.Equal(Readiness.Normal, (await agency.Get()).Presence.Readiness);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_readiness_that_is_not_a_level_is_refused()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Agency(hub.Npa).SetReadiness(new SetReadiness(Actors.Coordinator, (Readiness)9, null)));

        Assert.Equal("readiness: 9 is not a readiness level", error.Message);
    }

    [Fact]
    public async Task A_reactivated_agency_starts_from_no_console_online()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Npa);
        var agency = hub.Agency(hub.Npa);
        await agency.ConsoleConnected("c1");

        await silo.Deactivate(agency);
        var reactivated = (await agency.Get()).Presence.ConsolesOnline;
        await agency.ConsoleDisconnected("c1");

        Assert.Equal(0, reactivated);
        Assert.Equal(0, (await agency.Get()).Presence.ConsolesOnline);
    }
}
