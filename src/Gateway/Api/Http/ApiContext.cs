using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// What an endpoint needs besides its route values and body: the actor from the token, the grain factory, the clock,
/// and grain references that carry the request's Idempotency-Key for commands.
/// </summary>
internal sealed class ApiContext
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 128;

    private Actor? _actor;

    private ApiContext(HttpContext http)
    {
        Http = http;
        Grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        Time = http.RequestServices.GetRequiredService<TimeProvider>();
    }

    public HttpContext Http { get; }

    public IGrainFactory Grains { get; }

    public TimeProvider Time { get; }

    public Actor Actor => _actor ??= Http.User.ToActor();

    /// <summary>The Idempotency-Key header as sent (validated), or null.</summary>
    public string? IdempotencyKey
    {
        get
        {
            var values = Http.Request.Headers[IdempotencyKeyHeader];
            if (values.Count == 0)
            {
                return null;
            }
            var key = values.Count == 1 ? values[0] : null;
            return !string.IsNullOrWhiteSpace(key) && key.Length <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~')
                ? key
                : throw RequestValidationException.For(IdempotencyKeyHeader,
                    $"Send one key of 1–{MaxIdempotencyKeyLength} visible ASCII characters.");
        }
    }

    public static ValueTask<ApiContext?> BindAsync(HttpContext context) => ValueTask.FromResult<ApiContext?>(new ApiContext(context));

    /// <summary>A reference for reads.</summary>
    public TGrain Read<TGrain>(string key) where TGrain : IGrainWithStringKey => Grains.GetGrain<TGrain>(key);

    /// <summary>
    /// A reference for a command: with the request's Idempotency-Key, scoped to the token's subject so that one caller's
    /// key never replays another caller's outcome.
    /// </summary>
    public TGrain Command<TGrain>(string key) where TGrain : IGrainWithStringKey => IdempotencyKey is { } idempotencyKey
        ? Grains.GetGrain<TGrain>(key, new CallOptions { IdempotencyKey = $"{Actor.Subject}\n{idempotencyKey}" })
        : Grains.GetGrain<TGrain>(key);
}
