using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using PolicingHub.EventLog.Orleans.Postgres;

namespace PolicingHub.EventLog.Tests.Orleans.Postgres;

/// <summary>
/// Orleans membership on PostgreSQL through Microsoft.Orleans.Clustering.AdoNet with our schema: silos on one
/// database form one cluster, a graceful stop is recorded, and the schema is applied by every silo without harm.
/// </summary>
public sealed class PostgresClusteringTests : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly List<IHost> _silos = [];
    private PostgresDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            using var timeout = new CancellationTokenSource(StartLimit);
            await silo.StopAsync(timeout.Token);
            silo.Dispose();
        }
        await _database!.DisposeAsync();
    }

    [Fact]
    public async Task Two_silos_on_one_database_form_one_cluster_and_a_graceful_stop_is_recorded_as_dead()
    {
        var first = await StartSiloAsync();
        var second = await StartSiloAsync();
        var management = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

        var active = await management.GetHosts(onlyActive: true);

        Assert.Equal(2, active.Count);
        Assert.Equal(2L, await _database!.ScalarAsync($"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{_clusterId}' AND status = 3"));

        var secondAddress = second.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await second.StopAsync();
        _silos.Remove(second);
        second.Dispose();

        Assert.Equal([first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress], (await management.GetHosts(onlyActive: true)).Keys);
        Assert.Equal(6, await _database.ScalarAsync(
            $"SELECT status FROM orleans_membership WHERE deployment_id = '{_clusterId}' AND port = {secondAddress.Endpoint.Port} AND generation = {secondAddress.Generation}"));
    }

    [Fact]
    public async Task Applying_the_schema_again_and_from_several_callers_at_once_changes_nothing()
    {
        await PostgresOrleansSchema.ApplyAsync(_database!.ConnectionString);
        var keys = await _database.ScalarAsync("SELECT string_agg(QueryKey, ',' ORDER BY QueryKey) FROM OrleansQuery");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresOrleansSchema.ApplyAsync(_database.ConnectionString)));

        Assert.Equal(keys, await _database.ScalarAsync("SELECT string_agg(QueryKey, ',' ORDER BY QueryKey) FROM OrleansQuery"));
        Assert.Equal(20L, await _database.ScalarAsync("SELECT count(*) FROM OrleansQuery"));
    }

    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_clusterId, _clusterId));
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next());
            silo.UsePostgresClustering(_database!.ConnectionString);
        });
        var host = builder.Build();
        _silos.Add(host);
        using var timeout = new CancellationTokenSource(StartLimit);
        await host.StartAsync(timeout.Token);
        return host;
    }
}
