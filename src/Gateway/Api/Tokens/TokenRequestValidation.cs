using PolicingHub.Contracts.Tokens;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Security;

namespace PolicingHub.Gateway.Api.Tokens;

/// <summary>Turns a revocation request into exactly one grain command (a jti or an agency), or throws <see cref="RequestValidationException"/>.</summary>
internal static class TokenRequestValidation
{
    public static (RevokeToken? Token, RevokeAgencyTokens? Agency) ToCommand(this RevokeTokensRequest request, Actor actor)
    {
        var errors = new FieldErrors();
        if (request.Jti is null && request.Agency is null)
        {
            errors.Add("jti", "Required: a token's jti, or instead an agency (every token of it issued up to now).");
        }
        else if (request.Jti is not null && request.Agency is not null)
        {
            errors.Add("agency", "Send either jti (one token) or agency (every token of it), not both.");
        }
        errors.ThrowIfAny();
        if (request.Jti is { } jti)
        {
            if (!RevokeToken.IsValidTokenId(jti))
            {
                errors.Add("jti", $"A token id of 1–{RevokeToken.MaxTokenIdLength} visible ASCII characters (the token's jti claim).");
            }
            errors.ThrowIfAny();
            return (new RevokeToken(actor, jti), null);
        }
        var agency = errors.Id<AgencyCode>("agency", request.Agency);
        errors.ThrowIfAny();
        return (null, new RevokeAgencyTokens(actor, agency));
    }
}
