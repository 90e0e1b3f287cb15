using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Directory;

public sealed class DirectoryTests
{
    [Fact]
    public async Task A_new_directory_is_empty()
    {
        await using var silo = await DomainSilo.StartAsync();

        var view = await silo.Directory.Get();

        Assert.Empty(view.Agencies);
        Assert.Empty(view.Agreements);
        Assert.Empty(view.Tasks);
    }

    [Fact]
    public async Task Adding_keeps_each_entry_once_in_the_order_first_added()
    {
        await using var silo = await DomainSilo.StartAsync();
        var directory = silo.Directory;

        await directory.AddAgency(Hub.Code(Hub.Npa));
        await directory.AddAgency(Hub.Code(Hub.Knpa));
        await directory.AddAgency(Hub.Code(Hub.Npa));
        await directory.AddAgreement(AgreementId.Parse(Hub.KrJp));
        await directory.AddAgreement(AgreementId.Parse(Hub.KrJp));
        await directory.AddTask(TaskId.Parse("T-2"));
        await directory.AddTask(TaskId.Parse("T-1"));
        await directory.AddTask(TaskId.Parse("T-2"));

        var view = await directory.Get();
        Assert.Equal([Hub.Code(Hub.Npa), Hub.Code(Hub.Knpa)], view.Agencies.Items());
        Assert.Equal([AgreementId.Parse(Hub.KrJp)], view.Agreements.Items());
        Assert.Equal([TaskId.Parse("T-2"), TaskId.Parse("T-1")], view.Tasks.Items());
        Assert.Empty(await silo.Events("directory/hub"));
    }
}
