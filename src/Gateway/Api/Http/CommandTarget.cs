using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Sends one command to a grain with its idempotency key. A lost compare-and-swap (the grain's activation was stale;
/// nothing was written) is retried against the fresh activation, so it never reaches the user unless it repeats.
/// </summary>
internal readonly struct CommandTarget<TGrain>(TGrain grain, string? idempotencyKey)
{
    private const int Attempts = 3;

    public async Task<TResult> Send<TResult>(Func<TGrain, Task<TResult>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            using (IdempotencyKey.Use(idempotencyKey))
            {
                try
                {
                    return await call(grain);
                }
                catch (ConcurrencyConflictException) when (attempt < Attempts)
                {
                    // nothing was written; the next call reaches a fresh activation that read the stream again
                }
            }
        }
    }
}
