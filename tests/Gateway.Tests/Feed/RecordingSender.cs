using PolicingHub.EventLog;
using PolicingHub.Gateway.Feed;

namespace PolicingHub.Gateway.Tests.Feed;

/// <summary>Records the positions each connection was sent, in order. A connection can be stalled to play a slow consumer.</summary>
internal sealed class RecordingSender : IConsoleSender
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<long>> _sent = [];
    private readonly List<(string Id, int Count, TaskCompletionSource<IReadOnlyList<long>> Done)> _waiters = [];
    private readonly Dictionary<string, TaskCompletionSource> _stalls = [];

    public List<(string Id, string Reason)> Closed { get; } = [];

    /// <summary>Sends to this connection hang until <see cref="Release"/>.</summary>
    public void Stall(string id)
    {
        lock (_lock)
        {
            _stalls[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release(string id)
    {
        lock (_lock)
        {
            if (_stalls.Remove(id, out var stall))
            {
                stall.TrySetResult();
            }
        }
    }

    public async Task SendEventAsync(string connectionId, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        Task? stall;
        lock (_lock)
        {
            stall = _stalls.GetValueOrDefault(connectionId)?.Task;
        }
        if (stall is not null)
        {
            await stall.WaitAsync(cancellationToken);
        }
        lock (_lock)
        {
            if (!_sent.TryGetValue(connectionId, out var list))
            {
                _sent[connectionId] = list = [];
            }
            list.Add(envelope.Position);
            foreach (var waiter in _waiters.Where(w => w.Id == connectionId && list.Count >= w.Count).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult([.. list]);
            }
        }
    }

    public Task SendClosedAsync(string connectionId, string reason)
    {
        lock (_lock)
        {
            Closed.Add((connectionId, reason));
        }
        return Task.CompletedTask;
    }

    public IReadOnlyList<long> PositionsOf(string id)
    {
        lock (_lock)
        {
            return _sent.TryGetValue(id, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Completes with everything sent to <paramref name="id"/> once at least <paramref name="count"/> were sent.</summary>
    public Task<IReadOnlyList<long>> WaitForAsync(string id, int count)
    {
        lock (_lock)
        {
            var list = _sent.GetValueOrDefault(id) ?? [];
            if (list.Count >= count)
            {
                return Task.FromResult<IReadOnlyList<long>>([.. list]);
            }
            var done = new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((id, count, done));
            return done.Task.Within();
        }
    }
}
