namespace PolicingHub.Grains.Tasks.Escalation;

/// <summary>Makes sure the escalation scheduler's reminder exists once a silo is up (idempotent on every silo).</summary>
internal sealed class EscalationStartupTask(IGrainFactory grains) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) =>
        grains.GetGrain<ITaskEscalationGrain>(TaskEscalationGrain.Key).Start();
}
