namespace PolicingHub.Runtime.Invocation;

/// <summary>A call whose caller is still waiting; the deadline sweep fails it once its deadline passes.</summary>
internal interface IPendingCall
{
    bool IsCompleted { get; }

    DateTimeOffset Deadline { get; }

    void Expire();
}
