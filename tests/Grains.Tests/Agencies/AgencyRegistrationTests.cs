using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agencies;

public sealed class AgencyRegistrationTests
{
    [Fact]
    public async Task Registering_an_agency_takes_its_country_from_the_code_and_lists_it_in_the_directory()
    {
        await using var silo = await DomainSilo.StartAsync();
        var mark = await silo.Mark();

        var view = await silo.Agency(Hub.Npa).Register(Hub.Register("National Police Agency", "ap-northeast"));

        Assert.Equal(Hub.Code(Hub.Npa), view.Code);
        Assert.Equal("National Police Agency", view.Name);
        Assert.Equal("JP", view.Country);
        Assert.Equal("ap-northeast", view.HomeRegion);
        Assert.Equal(["en"], view.Languages.Items());
        Assert.Equal([CooperationArea.Cyberspace], view.Capabilities.Items());
        Assert.Equal(new AgencyLiveStatus(0, null, Readiness.Normal, 0, 0), view.Status);
        Assert.Empty(view.Agreements);
        Assert.Empty(view.OpenTasks);
        Assert.Equal(silo.Now, view.RegisteredAt);
        Assert.True(await silo.Agency(Hub.Npa).IsRegistered());
        Assert.Equal([Hub.Code(Hub.Npa)], (await silo.Directory.Get()).Agencies.Items());
        Assert.Equal(["agency/JP-NPA:agency.registered", "agency/JP-NPA:agency.status-changed"], await silo.EventsSince(mark));
    }

    [Fact]
    public async Task Registering_an_agency_twice_is_a_conflict_and_changes_nothing()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.Agency(Hub.Npa).Register(Hub.Register("National Police Agency"));
        var mark = await silo.Mark();

        var error = await Assert.ThrowsAsync<ConflictException>(() => silo.Agency(Hub.Npa).Register(Hub.Register("Another name")));

        Assert.Equal("agency JP-NPA is already registered", error.Message);
        Assert.Equal("National Police Agency", (await silo.Agency(Hub.Npa).Get()).Name);
        Assert.Empty(await silo.EventsSince(mark));
    }

    [Fact]
    public async Task Only_coordinators_register_agencies()
    {
        await using var silo = await DomainSilo.StartAsync();

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => silo.Agency(Hub.Npa).Register(Hub.Register("NPA", actor: Actors.Partner(Hub.Npa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => silo.Agency(Hub.Npa).Register(Hub.Register("NPA", actor: Actors.Operator)));

        Assert.Equal("only coordinators may register agencies", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not register agencies", @operator.Message);
        Assert.False(await silo.Agency(Hub.Npa).IsRegistered());
        Assert.Equal(0, await silo.Mark());
    }

    [Theory]
    [InlineData("JP-NPA", "", "ap-northeast", "name: must not be empty")]
    [InlineData("JP-NPA", "National Police Agency", " ", "homeRegion: must not be empty")]
    [InlineData("jp-npa", "National Police Agency", "ap-northeast", "code: 'jp-npa' is not an agency code (two capital letters, a dash, 2–12 capitals or digits, e.g. JP-NPA)")]
    public async Task Registering_with_bad_input_names_the_field_and_registers_nothing(string code, string name, string region, string message)
    {
        await using var silo = await DomainSilo.StartAsync();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => silo.Agency(code).Register(Hub.Register(name, region)));

        Assert.Equal(message, error.Message);
        Assert.False(await silo.Agency(code).IsRegistered());
        Assert.Empty((await silo.Directory.Get()).Agencies.Items());
    }

    [Fact]
    public async Task A_liaison_contact_without_an_email_is_refused()
    {
        await using var silo = await DomainSilo.StartAsync();
        var command = Hub.Register("National Police Agency") with { Contacts = [new LiaisonContact("Sato", "Liaison", "", null)] };

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => silo.Agency(Hub.Npa).Register(command));

        Assert.Equal("contacts: every liaison contact needs a name and an email", error.Message);
    }

    [Fact]
    public async Task Every_view_and_change_of_an_unregistered_agency_is_not_found()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agency = silo.Agency("JP-XYZ");

        var errors = new[]
        {
            await Assert.ThrowsAsync<NotFoundException>(() => agency.Get()),
            await Assert.ThrowsAsync<NotFoundException>(() => agency.SetReadiness(new SetReadiness(Actors.Coordinator, Readiness.Elevated, null))),
            await Assert.ThrowsAsync<NotFoundException>(() => agency.ConsoleConnected("c1")),
            await Assert.ThrowsAsync<NotFoundException>(() => agency.NoteTask(TaskId.Parse("T-1"), true)),
        };

        Assert.All(errors, e => Assert.Equal("agency JP-XYZ is not registered", e.Message));
        Assert.False(await agency.IsRegistered());
    }
}
