using Microsoft.Extensions.DependencyInjection;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Silo.Demo;
using PolicingHub.Silo.Hosting;

namespace PolicingHub.Gateway.Tests.Host;

public sealed class DemoSeedTests(DemoSeedTests.Fixture fixture) : IClassFixture<DemoSeedTests.Fixture>
{
    [Fact]
    public async Task Seeding_twice_in_one_host_creates_nothing_the_second_time()
    {
        var seeder = fixture.Factory.Services.GetRequiredService<DemoSeeder>();
        var before = await HubState.ReadAsync(fixture.Factory);

        var again = await seeder.SeedAsync();

        Assert.Equal((38, 0), fixture.FirstSeed);
        Assert.Equal((0, 11), again);
        var added = (await HubState.ReadAsync(fixture.Factory)).Since(before);
        Assert.Equal((0, 0, 0), (added.DomainEvents, added.Accepted.Count, added.Refusals.Count));
    }

    [Fact]
    public async Task The_demo_seed_is_audited_like_any_command_each_step_by_a_command_accepted_record_of_the_demo_seed_subject()
    {
        var state = await HubState.ReadAsync(fixture.Factory);

        var accepted = state.Accepted.Select(a => a.Record).ToList();
        Assert.Equal(38, accepted.Count);
        Assert.All(accepted, a => Assert.Equal("demo-seed", a.Subject));
        Assert.Equal(
            [("Coordinator", (string?)null, 28), ("Partner", "CA-RCMP", 7), ("Partner", "JP-NPA", 1), ("Partner", "KR-KNPA", 2)],
            accepted.GroupBy(a => (Role: a.Role.ToString(), a.Agency)).Select(g => (g.Key.Role, g.Key.Agency, g.Count()))
                .OrderBy(g => g.Role, StringComparer.Ordinal).ThenBy(g => g.Agency, StringComparer.Ordinal).ToList());
        Assert.Equal(
            [("Accept", 3), ("Acknowledge", 4), ("Activate", 2), ("AddCommitment", 13), ("Assign", 5), ("Complete", 1), ("Draft", 2),
             ("PostUpdate", 2), ("Register", 4), ("Sign", 2)],
            accepted.GroupBy(a => a.Command).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList());
        // Each record closes its command's append: it follows that command's events on the same stream, in the same append.
        foreach (var (envelope, _) in state.Accepted)
        {
            var previous = state.Events.Single(e => e.Position == envelope.Position - 1);
            Assert.Equal(envelope.Stream, previous.Stream);
            Assert.Equal(envelope.Sequence - 1, previous.Sequence);
            Assert.NotEqual(CommandAccepted.TypeName, previous.Type);
        }
        Assert.Empty(state.Refusals);
    }

    [Fact]
    public async Task The_seed_demo_setting_loads_the_demo_on_start_and_a_restart_with_it_adds_no_duplicates()
    {
        using var data = new TempFolder("policinghub-seed-");

        var first = await StartSeededAsync(data.Path);
        var second = await StartSeededAsync(data.Path);

        Assert.Equal(first, second);
        Assert.Equal("CA-RCMP,JP-NPA,KR-KNPA,US-FBI", first.Agencies);
        Assert.Equal("MOU-KR-CA-2026,MOU-KR-JP-2026", first.Agreements);
        Assert.Equal("T-DEMO-0001:Assigned,T-DEMO-0002:Acknowledged,T-DEMO-0003:InProgress,T-DEMO-0004:Completed,T-DEMO-0005:Accepted", first.Tasks);
        Assert.Equal(13, first.Commitments);
        Assert.Equal(38, first.Accepted);
    }

    [Fact]
    public async Task The_seed_demo_switch_on_the_command_line_loads_the_demo_on_start()
    {
        using var data = new TempFolder("policinghub-switch-");
        string[] args =
        [
            SiloHost.SeedDemoSwitch, "--PolicingHub:Store=InMemory", $"--PolicingHub:DataPath={data.File("data")}",
            $"--PolicingHub:Orleans:SiloPort={FreePorts.Next()}", $"--PolicingHub:Orleans:GatewayPort={FreePorts.Next()}",
            $"--PolicingHub:Auth:SigningKeyPath={data.File("signing-key.b64")}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
        ];
        await using var app = SiloHost.Build(args);

        await app.StartAsync().Within();
        var state = new HubState(await HubState.ReadAllAsync(app.Services.GetRequiredService<IEventLog>()));
        await app.StopAsync().Within();

        Assert.Equal(38, state.Accepted.Count(a => a.Record.Subject == "demo-seed"));
        Assert.Equal(["agency/CA-RCMP", "agency/JP-NPA", "agency/KR-KNPA", "agency/US-FBI"],
            state.Events.Where(e => e.Type == "agency.registered").Select(e => e.Stream).Order(StringComparer.Ordinal));
    }

    private static async Task<Seeded> StartSeededAsync(string dataPath)
    {
        await using var factory = GatewayFactory.OnSqlite(dataPath, new() { ["PolicingHub:SeedDemo"] = "true" });
        using var coordinator = factory.Coordinator();
        var agencies = await coordinator.GetAsync<Listed[]>("/api/agencies");
        var agreements = await coordinator.GetAsync<ListedAgreement[]>("/api/agreements");
        var tasks = await coordinator.GetAsync<ListedTask[]>("/api/tasks");
        var state = await HubState.ReadAsync(factory);
        return new Seeded(
            string.Join(",", agencies.Select(a => a.Code).Order(StringComparer.Ordinal)),
            string.Join(",", agreements.Select(a => a.Id).Order(StringComparer.Ordinal)),
            string.Join(",", tasks.Select(t => $"{t.Id}:{t.Status}").Order(StringComparer.Ordinal)),
            agreements.Sum(a => a.Commitments.Length),
            state.Accepted.Count,
            state.DomainEvents);
    }

    private sealed record Seeded(string Agencies, string Agreements, string Tasks, int Commitments, int Accepted, int DomainEvents);

    private sealed record Listed(string Code);

    private sealed record ListedAgreement(string Id, object[] Commitments);

    private sealed record ListedTask(string Id, CooperationTaskStatus Status);

    /// <summary>One InMemory host, seeded once with the demo (the first seed's counts kept).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public GatewayFactory Factory { get; } = new();

        public (int Created, int Skipped) FirstSeed { get; private set; }

        public async Task InitializeAsync() => FirstSeed = await Factory.Services.GetRequiredService<DemoSeeder>().SeedAsync();

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }
}
