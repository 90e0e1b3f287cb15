using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Silo.Demo;

namespace PolicingHub.Gateway.Tests.Host;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task Seeding_twice_in_one_host_creates_nothing_the_second_time()
    {
        await using var factory = new GatewayFactory();
        var seeder = factory.Services.GetRequiredService<DemoSeeder>();

        var (created, _) = await seeder.SeedAsync();
        var before = await HubState.ReadAsync(factory);
        var again = await seeder.SeedAsync();

        Assert.True(created > 0);
        Assert.Equal((0, 11), again);
        Assert.Equal(before.DomainEvents, (await HubState.ReadAsync(factory)).DomainEvents);
    }

    [Fact]
    public async Task The_seed_demo_setting_loads_the_demo_on_start_and_a_restart_with_it_adds_no_duplicates()
    {
        var directory = Directory.CreateTempSubdirectory("policinghub-seed-").FullName;
        try
        {
            var database = Path.Combine(directory, "hub.db");
            var first = await StartSeededAsync(database);
            var second = await StartSeededAsync(database);

            Assert.Equal(first, second);
            Assert.Equal(["CA-RCMP", "JP-NPA", "KR-KNPA", "US-FBI"], first.Directory.Agencies.Select(a => a.Value).Order(StringComparer.Ordinal));
            Assert.Equal(["MOU-KR-CA-2026", "MOU-KR-JP-2026"], first.Directory.Agreements.Select(a => a.Value).Order(StringComparer.Ordinal));
            Assert.Equal(
                [CooperationTaskStatus.Assigned, CooperationTaskStatus.Acknowledged, CooperationTaskStatus.InProgress, CooperationTaskStatus.Completed, CooperationTaskStatus.Accepted],
                first.Statuses);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Seeded> StartSeededAsync(string database)
    {
        await using var factory = new GatewayFactory { SqlitePath = database, Settings = { ["PolicingHub:SeedDemo"] = "true" } };
        var directory = await factory.Grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).Get();
        var statuses = new List<CooperationTaskStatus>();
        foreach (var id in directory.Tasks.OrderBy(t => t.Value, StringComparer.Ordinal))
        {
            statuses.Add((await factory.Grains.GetGrain<ICooperationTaskGrain>(id.Value).Get()).Status);
        }
        var commitments = 0;
        foreach (var id in directory.Agreements)
        {
            commitments += (await factory.Grains.GetGrain<Grains.Agreements.IAgreementGrain>(id.Value).Get()).Commitments.Length;
        }
        return new Seeded(directory, statuses, commitments, (await HubState.ReadAsync(factory)).DomainEvents);
    }

    private sealed record Seeded(DirectoryView Directory, IReadOnlyList<CooperationTaskStatus> Statuses, int Commitments, int DomainEvents)
    {
        public bool Equals(Seeded? other) => other is not null && Directory.Agencies.SequenceEqual(other.Directory.Agencies)
            && Directory.Agreements.SequenceEqual(other.Directory.Agreements) && Directory.Tasks.SequenceEqual(other.Directory.Tasks)
            && Statuses.SequenceEqual(other.Statuses) && Commitments == other.Commitments && DomainEvents == other.DomainEvents;

        public override int GetHashCode() => HashCode.Combine(Commitments, DomainEvents);
    }
}
