using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using PolicingHub.Gateway.Diagnostics;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Sends a command until it has an outcome the user should see (DESIGN §4.3): every attempt carries the same
/// idempotency key, so the grain answers a retry of a command that did commit with its recorded outcome instead of
/// applying it twice. Retried: a lost compare-and-swap (nothing written; at most <see cref="ConflictAttempts"/> times), any
/// error of the Orleans runtime (an unreachable or dying silo, and the grain directory's "not stable, retry later" while
/// membership changes — a silo joining, draining or declared dead), an attempt that outlived
/// <see cref="CommandRetryOptions.AttemptTimeout"/>, and a store failure (an append's, or a read's that the driver calls
/// transient, such as PostgreSQL out of connections). Everything else — domain refusals included —
/// goes straight back. When the budget is spent the last failure goes back (503/504 with "retry with the same key").
/// </summary>
internal sealed class CommandRetries(IOptions<CommandRetryOptions> options, TimeProvider time, IMeterFactory meters, ILogger<CommandRetries> logger)
{
    public const int ConflictAttempts = 3;

    private readonly Counter<long> _retries = meters.Create(GatewayInstruments.MeterName).CreateCounter<long>("policinghub.command.retries",
        "{attempt}", "Command attempts the gateway retried with their idempotency key, by the failure retried");

    public async Task<TResult> Send<TGrain, TResult>(TGrain grain, string idempotencyKey, Func<TGrain, Task<TResult>> call)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        var backoff = settings.FirstBackoff;
        var conflicts = 0;
        for (var attempt = 1; ; attempt++)
        {
            Task<TResult> pending;
            using (IdempotencyKey.Use(idempotencyKey))
            {
                pending = call(grain);
            }
            try
            {
                return await pending.WaitAsync(settings.AttemptTimeout, time);
            }
            catch (Exception e) when (Retryable(e, ref conflicts))
            {
                var elapsed = time.GetElapsedTime(started);
                if (elapsed + backoff > settings.RetryBudget)
                {
                    ApiLog.CommandGaveUp(logger, attempt, elapsed.TotalMilliseconds, e.GetType().Name);
                    throw;
                }
                ApiLog.CommandRetried(logger, attempt, e.GetType().Name);
                _retries.Add(1, new KeyValuePair<string, object?>("error", e.GetType().Name));
                if (e is not ConcurrencyConflictException)
                {
                    await Task.Delay(backoff, time);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
                }
            }
        }
    }

    private static bool Retryable(Exception e, ref int conflicts) => e switch
    {
        ConcurrencyConflictException => ++conflicts < ConflictAttempts,
        TimeoutException or OrleansException or StoreFailedException or DbException { IsTransient: true } => true,
        _ => false,
    };
}
