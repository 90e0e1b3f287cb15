using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PolicingHub.Grains.Security;

namespace PolicingHub.Gateway.Security.Revocation;

/// <summary>
/// This gateway's copy of the revocations in force, filled from the log's "security/tokens" stream by
/// <see cref="TokenRevocationFollower"/> (and at once by the revocation endpoint of this silo, which has just committed
/// one). A token is revoked when its jti is, or when its agency has a cut-off later than its issue time (a partner
/// token without an issue time is then revoked too). Revoked jtis are forgotten once every token that could carry them
/// has expired.
/// </summary>
internal sealed class TokenRevocations(ILogger<TokenRevocations> log)
{
    /// <summary>How long a check waits for the first full read of the stream before it refuses the token.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _agencies = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after a revocation is applied that was not known before (live connections of it are closed).</summary>
    public event Action<TokenRevocation>? Revoked;

    /// <summary>Completes once the stream has been read to its end once.</summary>
    public Task Ready => _ready.Task;

    public int RevokedTokenCount => _tokens.Count;

    public void MarkReady() => _ready.TrySetResult();

    /// <summary>Applies one revocation; idempotent (a later cut-off replaces an earlier one, never the reverse).</summary>
    public void Apply(TokenRevocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        var changed = false;
        if (revocation.TokenId is { } tokenId)
        {
            changed = _tokens.TryAdd(tokenId, revocation.At);
        }
        if (revocation.Agency is { } code)
        {
            var agency = code.Value;
            DateTimeOffset? before = _agencies.TryGetValue(agency, out var known) ? known : null;
            var applied = _agencies.AddOrUpdate(agency, revocation.At, (_, current) => current < revocation.At ? revocation.At : current);
            changed |= before != applied;
        }
        if (changed)
        {
            SecurityLog.RevocationApplied(log, revocation.TokenId, revocation.Agency?.Value, revocation.At);
            foreach (var handler in Revoked?.GetInvocationList() ?? [])
            {
                try
                {
                    ((Action<TokenRevocation>)handler)(revocation);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    SecurityLog.RevocationHandlerFailed(log, e);
                }
            }
        }
    }

    public bool IsRevoked(TokenFacts token) =>
        (token.TokenId is { } id && _tokens.ContainsKey(id))
        || (token.Agency is { } agency && _agencies.TryGetValue(agency, out var cutOff) && !(token.IssuedAt >= cutOff));

    /// <summary>Whether a revocation names this token (for closing the live connections it applies to).</summary>
    public static bool Covers(TokenRevocation revocation, TokenFacts token) =>
        (revocation.TokenId is { } id && string.Equals(id, token.TokenId, StringComparison.Ordinal))
        || (revocation.Agency is { } agency && string.Equals(agency.Value, token.Agency, StringComparison.Ordinal)
            && !(token.IssuedAt >= revocation.At));

    /// <summary>Forgets jtis revoked before <paramref name="before"/>: no token issued then is still valid.</summary>
    public int Forget(DateTimeOffset before)
    {
        var forgotten = 0;
        foreach (var (id, at) in _tokens)
        {
            if (at < before && _tokens.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at)))
            {
                forgotten++;
            }
        }
        return forgotten;
    }

}
