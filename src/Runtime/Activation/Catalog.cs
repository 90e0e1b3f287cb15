using System.Collections.Concurrent;
using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>The activations of this silo, one per grain id.</summary>
internal sealed class Catalog(GrainTypeRegistry registry, ActivationServices services)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public int Count => _activations.Count;

    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }
        var created = new ActivationData(grainId, registry.GetClass(grainId.Type), services);
        return _activations.GetOrAdd(grainId, created);
    }

    public void Remove(ActivationData activation) => _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    /// <summary>Deactivates every activation idle for at least the collection age; returns how many started.</summary>
    public int CollectIdle()
    {
        var now = services.Time.GetUtcNow();
        var count = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.TryCollect(now, services.Options.CollectionAge))
            {
                count++;
            }
        }
        if (count > 0)
        {
            RuntimeLog.Collected(services.Logger, count);
        }
        return count;
    }

    public async Task DeactivateAllAsync(DeactivationReason reason)
    {
        var all = _activations.Values.ToArray();
        foreach (var activation in all)
        {
            activation.RequestDeactivation(reason);
        }
        await Task.WhenAll(all.Select(a => a.Deactivated)).ConfigureAwait(false);
    }
}
