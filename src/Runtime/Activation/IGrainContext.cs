using PolicingHub.Runtime.Reminders;

namespace PolicingHub.Runtime.Activation;

/// <summary>What a grain instance sees of its activation.</summary>
internal interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IReminderRegistry Reminders { get; }

    void RequestDeactivation(DeactivationReason reason);

    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);
}
