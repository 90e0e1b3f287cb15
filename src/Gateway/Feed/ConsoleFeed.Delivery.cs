using Microsoft.Extensions.Logging;

namespace PolicingHub.Gateway.Feed;

/// <summary>The per-connection side of the feed: replay (and catch-up), the sender loop, and dropping a broken connection.</summary>
internal sealed partial class ConsoleFeed
{
    /// <summary>
    /// Sends what the connection is entitled to from <paramref name="from"/> up to the pump's position, then flips it
    /// live. One rule decides, as for live delivery: <see cref="EntitlementIndex.Delivers"/> (entitled at the event's
    /// position and now).
    /// </summary>
    private async Task ReplayAsync(ConsoleConnection connection, long from)
    {
        await Task.Yield();
        var sent = 0;
        try
        {
            while (true)
            {
                var target = ProcessedPosition;
                while (connection.Covered < target)
                {
                    var page = await log.ReadAsync(connection.Covered, _options.PageSize, connection.Closing);
                    if (page.Count == 0)
                    {
                        throw new InvalidOperationException($"The event log ends before position {target}, which the feed has processed.");
                    }
                    foreach (var envelope in page)
                    {
                        if (envelope.Position > target)
                        {
                            break;
                        }
                        if (envelope.Position <= connection.Covered)
                        {
                            continue;
                        }
                        var entitled = connection.Actor is { } actor && index.Delivers(actor, envelope);
                        await connection.ReplayAsync(envelope, entitled);
                        sent += entitled ? 1 : 0;
                    }
                }
                if (connection.TryGoLive(ProcessedPosition))
                {
                    logger.WentLive(connection.Id, sent, from, connection.Covered);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (connection.Closing.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.ReplayFailed(connection.Id, ex);
            Drop(connection, "replay failed; reconnect and subscribe from your last position");
        }
    }

    private async Task SendLoopAsync(ConsoleConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.RunSenderAsync(sender);
        }
        catch (OperationCanceledException) when (connection.Closing.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.SendFailed(connection.Id, ex);
            Drop(connection, "delivery failed");
        }
    }

    private void Drop(ConsoleConnection connection, string reason)
    {
        if (!connection.Close())
        {
            return;
        }
        _connections.TryRemove(new KeyValuePair<string, ConsoleConnection>(connection.Id, connection));
        logger.Dropped(connection.Id, reason);
        try
        {
            // Best effort, not awaited: a consumer slow enough to overflow may never read it.
            sender.SendClosedAsync(connection.Id, reason)
                .ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception ex)
        {
            logger.SendFailed(connection.Id, ex);
        }
        connection.Abort();
    }
}
