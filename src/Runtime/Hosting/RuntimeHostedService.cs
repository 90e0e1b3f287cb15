using Microsoft.Extensions.Hosting;
using PolicingHub.Runtime.Activation;
using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Hosting;

/// <summary>Starts reminders and idle collection with the host; on stop, deactivates every activation.</summary>
internal sealed class RuntimeHostedService(ReminderService reminders, ActivationCollector collector, Catalog catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reminders.StartAsync(cancellationToken).ConfigureAwait(false);
        collector.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        collector.Dispose();
        reminders.Dispose();
        await catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
