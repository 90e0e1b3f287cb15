using System.Threading.Channels;

namespace PolicingHub.Benchmarks;

/// <summary>
/// The S1 baseline: a hand-written actor per key. One unbounded single-reader channel per actor, one reader loop doing
/// the same work as the grain, answering through a TaskCompletionSource that runs continuations asynchronously.
/// </summary>
public sealed class ChannelCounterActor
{
    private readonly Channel<Request> _mailbox = Channel.CreateUnbounded<Request>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly bool _yield;
    private int _value;

    public ChannelCounterActor(bool yieldInTurn)
    {
        _yield = yieldInTurn;
        Completion = RunAsync();
    }

    public Task Completion { get; }

    public Task<int> Add(int amount)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_mailbox.Writer.TryWrite(new Request(amount, reply)))
        {
            reply.SetException(new InvalidOperationException("The actor is stopped."));
        }
        return reply.Task;
    }

    public void Stop() => _mailbox.Writer.TryComplete();

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var request))
            {
                if (_yield)
                {
                    await Task.Yield();
                }
                request.Reply.TrySetResult(_value += request.Amount);
            }
        }
    }

    private readonly record struct Request(int Amount, TaskCompletionSource<int> Reply);
}
