using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Security.Revocation;
using PolicingHub.Grains.Security;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// Closes the live console connections of a token as soon as this silo learns it is revoked (from its own endpoint or
/// from the log, <see cref="TokenRevocations.Revoked"/>): the console is sent "feed-closed" with the reason
/// <see cref="TokenAcceptance.Revoked"/>, then the connection is aborted. A hub filter, so it knows each connection's
/// token (its jti, agency and issue time) from connect to disconnect. New connections of a revoked token are already
/// refused by authentication, and its hub calls by <see cref="HubCallGuard"/>.
/// </summary>
internal sealed class RevokedConnectionCloser : IHubFilter, IDisposable
{
    private static readonly TimeSpan ReasonTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (TokenFacts Token, HubCallerContext Context)> _open = new(StringComparer.Ordinal);
    private readonly TokenRevocations _revocations;
    private readonly IHubContext<ConsoleHub> _hub;
    private readonly ILogger<RevokedConnectionCloser> _log;

    public RevokedConnectionCloser(TokenRevocations revocations, IHubContext<ConsoleHub> hub, ILogger<RevokedConnectionCloser> log)
    {
        _revocations = revocations;
        _hub = hub;
        _log = log;
        revocations.Revoked += OnRevoked;
    }

    public async Task OnConnectedAsync(HubLifetimeContext lifetime, Func<HubLifetimeContext, Task> next)
    {
        var context = lifetime.Context;
        var token = TokenFacts.From(context.User);
        _open[context.ConnectionId] = (token, context);
        // Revoked between authentication and now: the revocation's sweep may have missed this connection.
        if (_revocations.IsRevoked(token))
        {
            _open.TryRemove(context.ConnectionId, out _);
            FeedLog.HubCallRefused(_log, context.ConnectionId, TokenAcceptance.Revoked);
            throw new HubException($"Forbidden: {TokenAcceptance.Revoked}.");
        }
        try
        {
            await next(lifetime).ConfigureAwait(false);
        }
        catch
        {
            _open.TryRemove(context.ConnectionId, out _);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext lifetime, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(lifetime.Context.ConnectionId, out _);
        await next(lifetime, exception).ConfigureAwait(false);
    }

    private void OnRevoked(TokenRevocation revocation)
    {
        foreach (var (id, (token, context)) in _open)
        {
            if (TokenRevocations.Covers(revocation, token) && _open.TryRemove(id, out _))
            {
                _ = CloseAsync(id, context);
            }
        }
    }

    /// <summary>Tells the console why (bounded wait, so a stuck client cannot hold it), then ends the connection.</summary>
    private async Task CloseAsync(string connectionId, HubCallerContext context)
    {
        await Task.Yield();
        FeedLog.Dropped(_log, connectionId, TokenAcceptance.Revoked);
        try
        {
            using var timeout = new CancellationTokenSource(ReasonTimeout);
            await _hub.Clients.Client(connectionId).SendAsync(HubConsoleSender.ClosedMethod, TokenAcceptance.Revoked, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            FeedLog.SendFailed(_log, connectionId, e);
        }
        context.Abort();
    }

    public void Dispose() => _revocations.Revoked -= OnRevoked;
}
