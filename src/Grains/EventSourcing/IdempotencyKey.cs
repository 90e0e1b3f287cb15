namespace PolicingHub.Grains.EventSourcing;

/// <summary>
/// The idempotency key of the command being called travels in Orleans' <see cref="Orleans.Runtime.RequestContext"/>:
/// the gateway sets it around one grain call; the grain's <see cref="EventSourcedGrain{TState}"/> reads it.
/// </summary>
public static class IdempotencyKey
{
    private const string ContextKey = "ph-idempotency-key";

    /// <summary>The key of the current call, if any.</summary>
    public static string? Current => Orleans.Runtime.RequestContext.Get(ContextKey) as string;

    /// <summary>Sets <paramref name="key"/> for the calls made until the returned scope is disposed.</summary>
    public static IDisposable Use(string? key)
    {
        if (key is null)
        {
            return Scope.None;
        }
        Orleans.Runtime.RequestContext.Set(ContextKey, key);
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public static readonly IDisposable None = new NoScope();

        public void Dispose() => Orleans.Runtime.RequestContext.Remove(ContextKey);

        private sealed class NoScope : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
