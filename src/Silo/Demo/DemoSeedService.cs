using PolicingHub.Silo.Hosting;

namespace PolicingHub.Silo.Demo;

/// <summary>Runs the demo seed once on start (after the runtime has started), when PolicingHub:SeedDemo is set.</summary>
internal sealed class DemoSeedService(DemoSeeder seeder, ILogger<DemoSeedService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (created, skipped) = await seeder.SeedAsync(cancellationToken).ConfigureAwait(false);
        SiloLog.DemoSeeded(log, created, skipped);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
