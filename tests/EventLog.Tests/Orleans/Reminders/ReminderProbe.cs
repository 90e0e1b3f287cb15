namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>One per silo: completes when the first reminder tick reaches a <see cref="ReminderProbeGrain"/>.</summary>
public sealed class ReminderProbe
{
    private readonly TaskCompletionSource<(string Grain, string Reminder)> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<(string Grain, string Reminder)> FirstTick => _first.Task;

    public void Fired(string grain, string reminder) => _first.TrySetResult((grain, reminder));
}
