using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>A queued turn for an activation: a call or a timer tick. Runs on the thread pool once admitted.</summary>
internal abstract class WorkItem(GrainId grainId, CallContext context, bool readOnly, bool countsAsActivity) : IThreadPoolWorkItem
{
    public GrainId GrainId { get; } = grainId;

    public CallContext Context { get; } = context;

    public bool ReadOnly { get; } = readOnly;

    /// <summary>False for timer ticks: they do not keep an idle activation alive.</summary>
    public bool CountsAsActivity { get; } = countsAsActivity;

    /// <summary>False for timer ticks: a tick belongs to its activation and dies with it.</summary>
    public virtual bool Forwardable => true;

    /// <summary>Runs the turn on <see cref="CallContext.Target"/>; must end with Target.Exit(this).</summary>
    public abstract void Execute();

    /// <summary>Fails the item without running it (its activation could not be created).</summary>
    public abstract void Reject(Exception error);
}
