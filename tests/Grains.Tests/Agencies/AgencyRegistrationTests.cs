using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agencies;

public sealed class AgencyRegistrationTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    [Fact]
    public async Task Registering_an_agency_takes_its_country_from_the_code_and_starts_it_offline_at_normal_readiness()
    {
        var hub = silo.NewHub();
        var mark = await hub.Mark();

        var profile = await hub.Agency(hub.Npa).Register(Hub.Register("National Police Agency", "ap-northeast"));

        Assert.Equal(Hub.Code(hub.Npa), profile.Code);
        Assert.Equal("National Police Agency", profile.Name);
        Assert.Equal("JP", profile.Country);
        Assert.Equal("ap-northeast", profile.HomeRegion);
        Assert.Equal(["en"], profile.Languages.Items());
        Assert.Equal([CooperationArea.Cyberspace], profile.Capabilities.Items());
        Assert.Equal([new LiaisonContact("Desk officer", "Liaison", "liaison@example.org", null)], profile.Contacts.Items());
        Assert.Equal(new AgencyPresence(0, null, Readiness.Normal), profile.Presence);
        Assert.Equal(hub.Now, profile.RegisteredAt);
        Assert.True(await hub.Agency(hub.Npa).IsRegistered());
        Assert.Equal(
            [$"agency/{hub.Npa}:agency.registered", $"agency/{hub.Npa}:agency.status-changed", $"agency/{hub.Npa}:command.accepted"],
            await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Reading_a_registered_agency_returns_the_profile_its_registration_returned()
    {
        var hub = silo.NewHub();
        var registered = await hub.Agency(hub.Npa).Register(Hub.Register("National Police Agency"));

        var read = await hub.Agency(hub.Npa).Get();

        Assert.Equal(Json.Of(registered), Json.Of(read));
    }

    [Fact]
    public async Task Registering_an_agency_twice_is_a_conflict_and_appends_nothing()
    {
        var hub = silo.NewHub();
        await hub.Agency(hub.Npa).Register(Hub.Register("National Police Agency"));
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<ConflictException>(() => hub.Agency(hub.Npa).Register(Hub.Register("Another name")));

        Assert.Equal($"agency {hub.Npa} is already registered", error.Message);
        Assert.Equal("National Police Agency", (await hub.Agency(hub.Npa).Get()).Name);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Only_coordinators_register_agencies()
    {
        var hub = silo.NewHub();
        var mark = await hub.Mark();

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => hub.Agency(hub.Npa).Register(Hub.Register("NPA", actor: Actors.Partner(hub.Npa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => hub.Agency(hub.Npa).Register(Hub.Register("NPA", actor: Actors.Operator)));

        Assert.Equal("only coordinators may register agencies", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not register agencies", @operator.Message);
        Assert.False(await hub.Agency(hub.Npa).IsRegistered());
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Theory]
    [InlineData("JP-NPA", "", "ap-northeast", "name: must not be empty")]
    [InlineData("JP-NPA", "National Police Agency", " ", "homeRegion: must not be empty")]
    [InlineData("jp-npa", "National Police Agency", "ap-northeast", "code: 'jp-npa' is not an agency code (two capital letters, a dash, 2–12 capitals or digits, e.g. JP-NPA)")]
    public async Task Registering_with_bad_input_names_the_field_and_registers_nothing(string code, string name, string region, string message)
    {
        var hub = silo.NewHub();
        var key = AgencyCode.IsValid(code) ? hub.Numbered(code) : code;
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Agency(key).Register(Hub.Register(name, region)));

        Assert.Equal(message, error.Message);
        Assert.False(await hub.Agency(key).IsRegistered());
        Assert.Empty(await hub.Records($"agency/{key}"));
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_liaison_contact_without_an_email_is_refused()
    {
        var hub = silo.NewHub();
        var command = Hub.Register("National Police Agency") with { Contacts = [new LiaisonContact("Sato", "Liaison", "", null)] };

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Agency(hub.Npa).Register(command));

        Assert.Equal("contacts: every liaison contact needs a name and an email", error.Message);
        Assert.False(await hub.Agency(hub.Npa).IsRegistered());
    }

    [Fact]
    public async Task Every_view_and_change_of_an_unregistered_agency_is_not_found()
    {
        var hub = silo.NewHub();
        var code = hub.Numbered("JP-XYZ");
        var agency = hub.Agency(code);

        var errors = new[]
        {
            await Assert.ThrowsAsync<NotFoundException>(() => agency.Get()),
            await Assert.ThrowsAsync<NotFoundException>(() => agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null))),
            await Assert.ThrowsAsync<NotFoundException>(() => agency.ConsoleConnected("c1")),
            await Assert.ThrowsAsync<NotFoundException>(() => agency.ConsoleDisconnected("c1")),
        };

        Assert.All(errors, e => Assert.Equal($"agency {code} is not registered", e.Message));
        Assert.False(await agency.IsRegistered());
        Assert.Empty(await hub.Records($"agency/{code}"));
    }
}
