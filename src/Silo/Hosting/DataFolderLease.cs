using PolicingHub.EventLog.Orleans;

namespace PolicingHub.Silo.Hosting;

/// <summary>Holds the embedded data folder's lock for the host's life and releases it when the host stops or is disposed.</summary>
internal sealed class DataFolderLease(DataFolderLock held) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        held.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => held.Dispose();
}
