namespace PolicingHub.Grains.Tasks.Escalation;

/// <summary>
/// The cluster's one escalation scheduler (key <see cref="TaskEscalationGrain.Key"/>): follows the log for tasks waiting
/// on an acknowledgement and asks each one, when due, whether it escalates. Kept alive by one Orleans reminder.
/// </summary>
[Alias("ITaskEscalationGrain")]
public interface ITaskEscalationGrain : IGrainWithStringKey
{
    /// <summary>Registers the scheduler's reminder if it is not registered yet (each silo calls this at start).</summary>
    [Alias("Start")]
    Task Start();
}
