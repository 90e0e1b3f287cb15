using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicingHub.Grains.Directory;
using PolicingHub.Runtime;

namespace PolicingHub.Silo.Hosting;

/// <summary>Healthy when a grain answers: the hub directory is read within a few seconds (runtime and store work).</summary>
internal sealed class GrainsHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly CallOptions Quick = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key, Quick).Get().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The directory grain did not answer ({e.GetType().Name}).");
        }
    }
}
