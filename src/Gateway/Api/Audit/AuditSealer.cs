using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.Grains.Audit;

namespace PolicingHub.Gateway.Api.Audit;

/// <summary>Asks the seal grain to checkpoint the log every <see cref="AuditOptions.SealInterval"/> (it appends only when the log grew).</summary>
internal sealed partial class AuditSealer(IGrainFactory grains, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditSealer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SealInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IAuditSealGrain>(IAuditSealGrain.Key).Seal().WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    SealFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Sealing the audit chain failed; trying again on the next tick")]
    private static partial void SealFailed(ILogger logger, Exception exception);
}
