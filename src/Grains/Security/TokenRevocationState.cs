using System.Collections.Immutable;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Security.Events;

namespace PolicingHub.Grains.Security;

/// <summary>The revocations folded from "security/tokens": revoked jtis with their time, and each agency's latest cut-off.</summary>
public sealed record TokenRevocationState
{
    public ImmutableDictionary<string, DateTimeOffset> Tokens { get; init; } = ImmutableDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal);

    public ImmutableDictionary<AgencyCode, DateTimeOffset> Agencies { get; init; } = ImmutableDictionary<AgencyCode, DateTimeOffset>.Empty;

    public TokenRevocationState Apply(object @event) => @event switch
    {
        TokenRevoked e => Tokens.ContainsKey(e.TokenId) ? this : this with { Tokens = Tokens.SetItem(e.TokenId, e.RevokedAt) },
        AgencyTokensRevoked e when !Agencies.TryGetValue(e.Agency, out var cut) || cut < e.IssuedBefore =>
            this with { Agencies = Agencies.SetItem(e.Agency, e.IssuedBefore) },
        _ => this,
    };
}
