using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;
using PolicingHub.Grains.Security.Events;

namespace PolicingHub.Grains.Security;

/// <summary>
/// The single writer of "security/tokens". Its clock is the host's <see cref="TimeProvider"/>, the one the token issuer
/// stamps tokens with, so a cut-off and an issue time compare on the same clock.
/// </summary>
[GrainType("security")]
public sealed class TokenRevocationGrain(TimeProvider time) : EventSourcedGrain<TokenRevocationState>, ITokenRevocationGrain
{
    protected override string StreamKind => "security";

    protected override TokenRevocationState Apply(TokenRevocationState state, object @event) => state.Apply(@event);

    public Task<TokenRevocation> RevokeToken(RevokeToken command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute(nameof(RevokeToken), command.Actor, command, () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "revoke tokens");
            if (!Security.RevokeToken.IsValidTokenId(command.TokenId))
            {
                throw new DomainValidationException($"jti: 1–{Security.RevokeToken.MaxTokenIdLength} visible ASCII characters");
            }
            return State.Tokens.ContainsKey(command.TokenId)
                ? Events() // already revoked: nothing to write, the first revocation is the answer
                : Events(new TokenRevoked(command.TokenId, time.GetUtcNow()));
        }, state => new TokenRevocation(command.TokenId, null, state.Tokens[command.TokenId]));
    }

    public Task<TokenRevocation> RevokeAgencyTokens(RevokeAgencyTokens command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Execute(nameof(RevokeAgencyTokens), command.Actor, command, () =>
        {
            ActorRules.RequireCoordinator(command.Actor, "revoke tokens");
            if (!AgencyCode.IsValid(command.Agency.Value))
            {
                throw new DomainValidationException($"agency: '{command.Agency.Value}' is not an agency code (e.g. JP-NPA)");
            }
            // Tokens carry their issue time in whole seconds: the cut-off is the next whole second, so every token
            // issued up to now (including earlier in this second) is refused, and tokens issued after it are accepted.
            var cutOff = NextWholeSecond(time.GetUtcNow());
            return State.Agencies.TryGetValue(command.Agency, out var current) && current >= cutOff
                ? Events()
                : Events(new AgencyTokensRevoked(command.Agency, cutOff));
        }, state => new TokenRevocation(null, command.Agency, state.Agencies[command.Agency]));
    }

    private static DateTimeOffset NextWholeSecond(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        var whole = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return whole == now ? whole : whole.AddSeconds(1);
    }
}
