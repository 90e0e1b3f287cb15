using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>An event log built the way a silo builds it: a host, the store's hosting extension, its hosted services started.</summary>
internal sealed class LogHost : IAsyncDisposable
{
    private readonly IHost _host;
    private int _disposed;

    private LogHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IEventLog Log => Services.GetRequiredService<IEventLog>();

    public IEventLogDoorbell Doorbell => Services.GetRequiredService<IEventLogDoorbell>();

    public IMeterFactory MeterFactory => Services.GetRequiredService<IMeterFactory>();

    public static async Task<LogHost> StartAsync(TimeProvider clock, Action<IServiceCollection> addLog)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(clock);
        addLog(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync().Within();
            return new LogHost(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Stops and disposes the host; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _host.StopAsync().Within();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
