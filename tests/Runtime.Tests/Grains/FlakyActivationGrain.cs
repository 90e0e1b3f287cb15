using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Grains;

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}

/// <summary>Fails its first activation, succeeds afterwards.</summary>
public sealed class FlakyActivationGrain(Probe probe) : Grain, IFlakyActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Note("activating:" + GrainKey);
        return probe.Count("activating:" + GrainKey) == 1
            ? throw new InvalidOperationException("storage unavailable on first activation")
            : Task.CompletedTask;
    }

    public Task<string> Hello() => Task.FromResult("hello");
}
