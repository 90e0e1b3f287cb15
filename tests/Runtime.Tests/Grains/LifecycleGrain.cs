using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>Which activation of this grain answered (1 for the first, 2 after one deactivation, …).</summary>
    Task<int> Generation();

    Task DeactivateWhenDone();
}

public sealed class LifecycleGrain(Probe probe) : Grain, ILifecycleGrain
{
    private int _generation;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Note("activated:" + GrainKey);
        _generation = probe.Count("activated:" + GrainKey);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Note($"deactivated:{GrainKey}:{reason}");
        return Task.CompletedTask;
    }

    public Task<int> Generation() => Task.FromResult(_generation);

    public Task DeactivateWhenDone()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
