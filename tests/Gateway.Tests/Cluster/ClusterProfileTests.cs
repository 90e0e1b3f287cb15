using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PolicingHub.EventLog;
using PolicingHub.Gateway.Tests.Feed;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Cluster;

/// <summary>
/// Two silos on the cluster profile over one PostgreSQL database, each the real Program with its own gateway: one
/// Orleans cluster, one shared log. Every silo is a gateway: a console on either receives what a command on the other
/// wrote, in order and without a gap, and REST reads agree on both once caught up (each silo projects the shared log).
/// </summary>
public sealed class ClusterProfileTests : IAsyncLifetime
{
    private readonly List<ConsoleClient> _consoles = [];
    private readonly string _shared = Directory.CreateTempSubdirectory("policinghub-cluster-").FullName;
    private PostgresDatabase? _database;
    private GatewayFactory? _first;
    private GatewayFactory? _second;

    private GatewayFactory First => _first!;

    private GatewayFactory Second => _second!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _first = Silo().Started();
        _second = Silo().Started();
    }

    public async Task DisposeAsync()
    {
        foreach (var console in _consoles)
        {
            await console.DisposeAsync();
        }
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
        await _database!.DisposeAsync();
        Directory.Delete(_shared, recursive: true);
    }

    [Fact]
    public async Task A_command_on_one_silo_reaches_consoles_on_both_in_the_same_order_and_reads_agree_on_both()
    {
        await First.SeedDemoAsync();
        var onFirst = await ConnectAsync(First, First.PartnerToken("JP-NPA"));
        var onSecond = await ConnectAsync(Second, Second.PartnerToken("JP-NPA"));

        var task = await First.AssignTaskAsync();
        var assigned = await onSecond.WaitForAsync(e => e.Stream == $"task/{task}" && e.Type == "task.assigned");
        await onFirst.WaitForPositionAsync(assigned.Position);
        using var secondCoordinator = Second.Coordinator();
        using var firstCoordinator = First.Coordinator();
        var secondTasks = await secondCoordinator.GetStringAsync("/api/tasks");

        Assert.Equal(onFirst.Positions.Where(p => p <= assigned.Position), onSecond.Positions.Where(p => p <= assigned.Position));
        Assert.Equal(onSecond.Positions.Order(), onSecond.Positions);
        Assert.Contains(task, secondTasks, StringComparison.Ordinal);
        Assert.Equal(await firstCoordinator.GetStringAsync("/api/tasks"), secondTasks);
        Assert.Equal(await firstCoordinator.GetStringAsync("/api/agencies"), await secondCoordinator.GetStringAsync("/api/agencies"));
    }

    [Fact]
    public async Task Both_silos_are_members_of_one_cluster_and_append_to_one_gapless_log()
    {
        using var operatorOnSecond = Second.Operator();
        await First.SeedDemoAsync();
        await Second.AssignTaskAsync();
        await First.AssignTaskAsync();

        var cluster = await operatorOnSecond.GetAsync("/api/cluster");
        var log = await ReadAllAsync(Second.Services.GetRequiredService<IEventLog>());

        Assert.Equal(HttpStatusCode.OK, cluster.StatusCode);
        Assert.Equal(2, (await _database!.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 3")) is long n ? n : -1);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(p => (long)p), log.Select(e => e.Position));
        Assert.Equal(log.Count, (long)(await _database.ScalarAsync("SELECT count(*) FROM event_log"))!);
        Assert.Equal(2, log.Count(e => e.Type == "task.assigned" && e.Stream.StartsWith("task/T-TEST-", StringComparison.Ordinal)));
        var membership = Second.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(
            (TimeSpan.FromSeconds(1), 2, 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)),
            (membership.ProbeTimeout, membership.NumMissedProbesLimit, membership.NumVotesForDeathDeclaration,
                membership.DeathVoteExpirationTimeout, membership.IAmAliveTablePublishTimeout, membership.TableRefreshTimeout));
    }

    [Fact]
    public async Task A_token_revoked_through_one_silo_is_refused_by_the_other_and_its_console_there_is_closed()
    {
        await First.SeedDemoAsync();
        var token = Second.PartnerToken("JP-NPA");
        var console = await ConnectAsync(Second, token);
        var reason = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.Connection.On<string>("feed-closed", r => reason.TrySetResult(r));
        using var coordinator = First.Coordinator();

        (await coordinator.PostJsonAsync("/api/tokens/revocations", new { jti = new JsonWebToken(token).Id })).EnsureSuccessStatusCode();

        Assert.Equal("token revoked", await reason.Task.Within());
        await console.ClosedWith.Task.Within();
        using var rest = Second.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/api/agencies")).StatusCode);
    }

    private GatewayFactory Silo() => new()
    {
        Profile = "Cluster",
        Settings = new()
        {
            ["PolicingHub:Postgres:ConnectionString"] = _database!.ConnectionString,
            ["PolicingHub:DataPath"] = _shared,
        },
    };

    private async Task<ConsoleClient> ConnectAsync(GatewayFactory silo, string token)
    {
        var (client, _) = await ConsoleClient.ConnectAsync(silo.Server, token);
        _consoles.Add(client);
        return client;
    }

    private static async Task<List<EventEnvelope>> ReadAllAsync(IEventLog log)
    {
        var all = new List<EventEnvelope>();
        for (var page = await log.ReadAsync(0, 500); page.Count > 0; page = await log.ReadAsync(all[^1].Position, 500))
        {
            all.AddRange(page);
        }
        return all;
    }
}
