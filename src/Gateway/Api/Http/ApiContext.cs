using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Security;
using PolicingHub.Grains.Hosting;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// What an endpoint needs besides its route values and body: the actor from the token, Orleans' grain factory, the
/// clock, the read models, and command targets that carry the request's Idempotency-Key to the grain.
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
    public TGrain Read<TGrain>(string key) where TGrain : IGrainWithStringKey => Grains.Reference<TGrain>(key);

    /// <summary>
    /// A command target: the request's Idempotency-Key, scoped to the token's subject so that one caller's key never
    /// replays another caller's outcome, goes with every attempt. A command sent without a key gets one made here (a
    /// random one with a space in it, which a client's key — visible ASCII only — can never equal), so the gateway's own
    /// retries of it are just as safe.
    /// </summary>
    public CommandTarget<TGrain> Command<TGrain>(string key) where TGrain : IGrainWithStringKey =>
        new(Grains.Reference<TGrain>(key), $"{Actor.Subject}\n{IdempotencyKey ?? $"gateway {Guid.NewGuid():N}"}",
            Http.RequestServices.GetRequiredService<CommandRetries>());

    /// <summary>The read models, once everything committed before this call is applied (read-your-writes).</summary>
    public async Task<HubReadModel> ReadModelsAsync()
    {
        await Http.RequestServices.GetRequiredService<ReadModelProjector>().CatchUpAsync(Http.RequestAborted);
        return Http.RequestServices.GetRequiredService<HubReadModel>();
    }
}
