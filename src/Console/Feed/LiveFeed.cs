using System.Net;
using PolicingHub.Console.Session;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Feed;

/// <summary>
/// The page's live connection to the console hub. It subscribes from the last position it saw (0 at first), so the hub
/// replays what was missed and then sends live; when the connection drops it keeps retrying with
/// <see cref="ReconnectBackoff"/> and resumes from that position. Events at or below the position are ignored (never
/// shown twice). <see cref="Status"/>, <see cref="Attempt"/> and <see cref="NextAttemptAt"/> say what it is doing.
/// </summary>
public sealed class LiveFeed(IFeedConnectionFactory connections, ConsoleSession session, TimeProvider time) : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    public FeedStatus Status { get; private set; } = FeedStatus.Offline;

    public long LastPosition { get; private set; }

    /// <summary>Reconnect attempts since the connection was last live.</summary>
    public int Attempt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastProblem { get; private set; }

    public event Action? StatusChanged;

    public event Action<FeedEvent>? Received;

    public void Start()
    {
        if (_running is not null || session.Token is not { } token)
        {
            return;
        }
        _running = new CancellationTokenSource();
        _loop = RunAsync(token, _running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }
        await _running.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _running.Dispose();
        _running = null;
        LastPosition = 0;
        Set(FeedStatus.Offline, null);
    }

    /// <summary>Skips the wait before the next attempt ("Retry now").</summary>
    public void RetryNow() => _retryNow?.TrySetResult();

    private TaskCompletionSource? _retryNow;

    private async Task RunAsync(string token, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Set(Attempt == 0 ? FeedStatus.Connecting : FeedStatus.Reconnecting, LastProblem);
            await using (var connection = connections.Create(token, Deliver))
            {
                try
                {
                    await connection.StartAsync(stop);
                    await connection.SubscribeAsync(LastPosition, stop);
                    Attempt = 0;
                    NextAttemptAt = null;
                    Set(FeedStatus.Live, null);
                    var reason = await connection.Closed.WaitAsync(stop);
                    LastProblem = reason is null ? "The connection to the hub was lost." : $"The hub closed the connection: {reason}.";
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
                {
                    Set(FeedStatus.Offline, "The hub no longer accepts your token.");
                    await session.SignOutAsync("Your session ended: the hub no longer accepts your token (it expired or was revoked). Sign in with a new token.");
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LastProblem = "The hub cannot be reached.";
                }
            }
            Attempt++;
            var delay = ReconnectBackoff.Delay(Attempt, Random.Shared.NextDouble() * 2 - 1);
            NextAttemptAt = time.GetUtcNow() + delay;
            _retryNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Set(FeedStatus.Reconnecting, LastProblem);
            try
            {
                await Task.WhenAny(Task.Delay(delay, time, stop), _retryNow.Task).WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Deliver(FeedEvent e)
    {
        if (e.Position <= LastPosition)
        {
            return;
        }
        LastPosition = e.Position;
        Received?.Invoke(e);
    }

    private void Set(FeedStatus status, string? problem)
    {
        Status = status;
        LastProblem = problem;
        StatusChanged?.Invoke();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
