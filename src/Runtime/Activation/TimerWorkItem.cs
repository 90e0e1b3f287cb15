using PolicingHub.Runtime.Diagnostics;
using PolicingHub.Runtime.Invocation;

namespace PolicingHub.Runtime.Activation;

/// <summary>One tick of a grain timer, run as its own turn.</summary>
internal sealed class TimerWorkItem(GrainTimer timer, GrainId grainId, CallContext context)
    : WorkItem(grainId, context, readOnly: false, countsAsActivity: false)
{
    public override bool Forwardable => false;

    public override void Execute() => _ = RunAsync();

    public override void Reject(Exception error) => timer.Dispose();

    private async Task RunAsync()
    {
        var activation = Context.Target!;
        try
        {
            await activation.RunTimerTurn(timer.Callback, Context, timer.Cancellation).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RuntimeLog.TimerFailed(activation.Logger, GrainId, ex);
        }
        finally
        {
            activation.Exit(this);
            timer.TickCompleted();
        }
    }
}
