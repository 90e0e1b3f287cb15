using Microsoft.Extensions.Options;
using PolicingHub.Runtime.Hosting;

namespace PolicingHub.Runtime.Activation;

/// <summary>Every collection quantum, deactivates activations idle for the collection age.</summary>
internal sealed class ActivationCollector(Catalog catalog, TimeProvider time, IOptions<RuntimeOptions> options) : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var quantum = options.Value.CollectionQuantum;
        _timer = time.CreateTimer(static s => ((Catalog)s!).CollectIdle(), catalog, quantum, quantum);
    }

    public void Dispose() => _timer?.Dispose();
}
