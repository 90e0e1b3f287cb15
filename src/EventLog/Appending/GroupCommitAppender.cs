using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PolicingHub.EventLog.Diagnostics;

namespace PolicingHub.EventLog.Appending;

/// <summary>
/// Group commit, store-neutral. Callers' appends go into a queue; one loop takes up to the maximum batch size of them
/// at a time and hands them to the store's <see cref="IEventBatchWriter"/>, which writes them in one transaction. While
/// a transaction (and its fsync) runs, new appends queue up and go together in the next one: under load many appends
/// share one commit; alone, an append commits at once (there is no waiting for company).
/// </summary>
/// <remarks>
/// <para>Each append gets its own result (committed or conflict). When a transaction fails, every append of its batch
/// fails with <see cref="EventLogException"/>; <see cref="EventLogException.OutcomeUnknown"/> says whether the failure
/// came at COMMIT (it may have committed) or before (nothing was written).</para>
/// <para>Cancellation: an append still queued is withdrawn and never written (the caller sees
/// <see cref="OperationCanceledException"/>). Once the loop has taken it into a batch it is not un-written: the caller
/// stops waiting and sees <see cref="EventLogException"/> with OutcomeUnknown set, and must re-read its stream.</para>
/// <para>After each commit the doorbell rings with the batch's last position. Stopping refuses new appends, lets a
/// batch in flight finish, and fails the appends still queued with <see cref="EventLogException"/> (nothing written).</para>
/// </remarks>
internal sealed partial class GroupCommitAppender : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IEventBatchWriter _writer;
    private readonly int _maxBatchSize;
    private readonly InProcessDoorbell _doorbell;
    private readonly EventLogInstruments _instruments;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private volatile bool _stopping;

    /// <summary>What this appender committed lately, for readers following the head (see <see cref="RecentEvents"/>).</summary>
    public RecentEvents Recent { get; } = new();

    public GroupCommitAppender(
        IEventBatchWriter writer, int maxBatchSize, InProcessDoorbell doorbell, EventLogInstruments instruments,
        TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _writer = writer;
        _maxBatchSize = maxBatchSize;
        _doorbell = doorbell;
        _instruments = instruments;
        _time = timeProvider;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues an append and waits for its result (see the remarks on cancellation).</summary>
    public Task<AppendResult> AppendAsync(
        string stream, long expectedSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        var copy = AppendArguments.Validate(stream, expectedSequence, events);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<AppendResult>(cancellationToken);
        }
        var pending = new PendingAppend(stream, expectedSequence, copy, _time.GetTimestamp());
        if (_stopping || !_queue.Writer.TryWrite(pending))
        {
            return Task.FromException<AppendResult>(Refused());
        }
        return cancellationToken.CanBeCanceled ? WaitAsync(pending, cancellationToken) : pending.Result;
    }

    /// <summary>Refuses new appends, waits for the batch in flight, fails the queued ones. Idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    private static async Task<AppendResult> WaitAsync(PendingAppend pending, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((PendingAppend)state!).Abandon(token), pending);
        return await pending.Result.ConfigureAwait(false);
    }

    private static EventLogException Refused() =>
        new("The event log is stopping; nothing was appended.", outcomeUnknown: false);
}
