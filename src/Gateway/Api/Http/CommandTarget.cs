namespace PolicingHub.Gateway.Api.Http;

/// <summary>Sends one command to a grain with its idempotency key, retried through <see cref="CommandRetries"/> while its outcome is unknown.</summary>
internal readonly struct CommandTarget<TGrain>(TGrain grain, string idempotencyKey, CommandRetries retries)
{
    public Task<TResult> Send<TResult>(Func<TGrain, Task<TResult>> call) => retries.Send(grain, idempotencyKey, call);
}
