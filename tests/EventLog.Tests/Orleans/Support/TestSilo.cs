using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>
/// One real Orleans silo in this process (localhost clustering on free ports, the client co-hosted), for the embedded
/// profile's providers. Silos started one after another with the same service id and store see the same data.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(string serviceId, Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePorts.Next(), gatewayPort: FreePorts.Next(), serviceId: serviceId, clusterId: serviceId);
            configure(silo);
        });

        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(StartLimit);
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new TestSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StartLimit);
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
