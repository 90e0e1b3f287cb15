using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Runtime.Tests.Support;

/// <summary>A one-silo host for tests: the test assembly's grains, a fake clock, a probe, and the store the test picks.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public Probe Probe => Services.GetRequiredService<Probe>();

    public FakeTimeProvider Time { get; }

    /// <param name="store">Chooses the store; in-memory when null.</param>
    public static async Task<TestSilo> StartAsync(
        Action<IRuntimeBuilder>? store = null,
        FakeTimeProvider? time = null,
        Action<RuntimeOptions>? options = null,
        Probe? probe = null)
    {
        time ??= new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(probe ?? new Probe());
        var runtime = builder.Services.AddPolicingHubRuntime(options).AddGrainsFromAssembly(typeof(TestSilo).Assembly);
        if (store is null)
        {
            runtime.UseInMemoryStore();
        }
        else
        {
            store(runtime);
        }
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
