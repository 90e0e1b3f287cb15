using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicingHub.EventLog;

namespace PolicingHub.Silo.Hosting;

/// <summary>Healthy when the event log answers (the store every command and read depends on).</summary>
internal sealed class LogHealthCheck(IEventLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var position = await log.GetLastPositionAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"log at position {position}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The event log did not answer ({e.GetType().Name}).");
        }
    }
}
