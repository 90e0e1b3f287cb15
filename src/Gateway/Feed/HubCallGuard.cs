using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Feed;

/// <summary>
/// The console hub's guard (a hub filter): caps open connections per agency (per subject for other roles), limits
/// each connection's hub calls with a token bucket, and authorizes every hub call as REST authorizes a request — the
/// token must still be accepted (<see cref="TokenAcceptance"/>: one role, a registered agency) — besides the hub's
/// own [Authorize] policy, which SignalR checks at connect and on every call.
/// </summary>
internal sealed class HubCallGuard(IOptions<HubLimitsOptions> options, ILogger<HubCallGuard> log) : IHubFilter
{
    private const string LimiterKey = "ph-call-limiter";
    private const string CountedKey = "ph-counted-as";

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly HubLimitsOptions _limits = options.Value;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocation.Context;
        if (context.Items.TryGetValue(LimiterKey, out var value) && value is RateLimiter limiter)
        {
            using var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                FeedLog.HubCallRefused(log, context.ConnectionId, "rate limit");
                throw new HubException($"Too many hub calls: at most {_limits.CallsPerSecond} per second.");
            }
        }
        if (await TokenAcceptance.ProblemAsync(context.User, invocation.ServiceProvider).ConfigureAwait(false) is { } problem)
        {
            FeedLog.HubCallRefused(log, context.ConnectionId, problem);
            context.Abort();
            throw new HubException($"Forbidden: the connection's token is no longer accepted ({problem}).");
        }
        return await next(invocation).ConfigureAwait(false);
    }

    public async Task OnConnectedAsync(HubLifetimeContext lifetime, Func<HubLifetimeContext, Task> next)
    {
        var context = lifetime.Context;
        var key = ConsolePrincipal.From(context.User) is { } actor ? actor.Agency ?? $"{actor.Role}:{actor.Subject}" : "anonymous";
        var count = _open.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count > _limits.MaxConnectionsPerAgency)
        {
            // SignalR does not run OnDisconnected for a connection refused here: give the slot back now.
            Release(key);
            FeedLog.HubCallRefused(log, context.ConnectionId, $"more than {_limits.MaxConnectionsPerAgency} connections for {key}");
            throw new HubException($"Too many console connections for {key}: at most {_limits.MaxConnectionsPerAgency}.");
        }
        context.Items[CountedKey] = key;
        context.Items[LimiterKey] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _limits.CallsPerSecond,
            TokensPerPeriod = _limits.CallsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        try
        {
            await next(lifetime).ConfigureAwait(false);
        }
        catch
        {
            Forget(context);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext lifetime, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Forget(lifetime.Context);
        await next(lifetime, exception).ConfigureAwait(false);
    }

    private void Forget(HubCallerContext context)
    {
        if (context.Items.Remove(CountedKey, out var key) && key is string counted)
        {
            Release(counted);
        }
        if (context.Items.Remove(LimiterKey, out var value) && value is IDisposable limiter)
        {
            limiter.Dispose();
        }
    }

    private void Release(string key) => _open.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1));
}
