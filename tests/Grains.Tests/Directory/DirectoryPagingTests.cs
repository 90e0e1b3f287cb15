using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime.Storage.InMemory;

namespace PolicingHub.Grains.Tests.Directory;

/// <summary>Task ids live in pages of the directory, so that adding one writes a bounded amount however many there are.</summary>
public sealed class DirectoryPagingTests
{
    private const int Count = 2_500;

    [Fact]
    public async Task Thousands_of_tasks_are_listed_once_each_in_order_and_each_add_writes_one_bounded_page()
    {
        var store = new InMemoryStore();
        var ids = Enumerable.Range(1, Count).Select(i => TaskId.Parse($"T-{i:D5}")).ToList();
        var pageBound = """{"tasks":[]}""".Length + IDirectoryPageGrain.Capacity * """ "T-00001",""".Trim().Length;
        await using (var silo = await DomainSilo.StartAsync(s => Recording(s, store)))
        {
            var recorder = silo.Services.GetRequiredService<RecordingStorage>();
            await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);
            var largest = 0;
            var directoryWrites = 0;
            foreach (var id in ids)
            {
                recorder.Clear();
                await silo.Directory.AddTask(id);

                var writes = recorder.Writes;
                var page = Assert.Single(writes, w => w.Grain.Type == "directory-page");
                largest = Math.Max(largest, page.Length);
                directoryWrites += writes.Count(w => w.Grain.Type == "directory");
                Assert.All(writes.Where(w => w.Grain.Type == "directory"), w => Assert.True(w.Length < 200, $"directory state: {w.Length} B"));
            }

            Assert.True(largest <= pageBound, $"largest page write {largest} B, bound {pageBound} B");
            Assert.Equal(Count / IDirectoryPageGrain.Capacity - 1, directoryWrites); // once per page moved on to
            Assert.Equal(ids, (await silo.Directory.Get()).Tasks.Items());

            recorder.Clear();
            await silo.Directory.AddTask(ids[^1]); // in the last page: nothing to write
            Assert.Empty(recorder.Writes);
        }

        await using var after = await DomainSilo.StartAsync(s => Recording(s, store));
        var view = await after.Directory.Get();
        Assert.Equal(ids, view.Tasks.Items());
        Assert.Equal([Hub.Code(Hub.Knpa), Hub.Code(Hub.Npa)], view.Agencies.Items());
        await after.Directory.AddTask(TaskId.Parse("T-99999"));
        await after.Directory.AddTask(ids[0]); // page 0 is long full: stored again in the new page, listed once
        Assert.Equal([.. ids, TaskId.Parse("T-99999")], (await after.Directory.Get()).Tasks.Items());
    }

    private static void Recording(IServiceCollection services, InMemoryStore store)
    {
        services.AddSingleton(store);
        RecordingStorage.Install(services);
    }
}
